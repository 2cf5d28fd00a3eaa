import { z } from 'zod';
import type { SyncOperationType } from './sync';

/** The operations of a card central may refuse; a chat line's refusal is shown on the line instead. */
export const REFUSABLE_CARD_OPERATIONS = [
  'card.create',
  'card.update',
  'card.transition',
  'recording.meta',
] as const satisfies readonly SyncOperationType[];
export const RefusableCardOperationSchema = z.enum(REFUSABLE_CARD_OPERATIONS);
export type RefusableCardOperation = z.infer<typeof RefusableCardOperationSchema>;

/** A refusal whose reason central gave only as text: the renderer says "refused" and quotes central. */
export const UNKNOWN_REFUSAL_CODE = 'unknown';

/**
 * What central refused of a card and why, kept on the card until central accepts a later change of it.
 * `code` and `params` are the stable form the screen translates (kk/ru/en); `unknown` carries central's
 * text in `params.reason`.
 */
export const CardRefusalSchema = z.object({
  operation: RefusableCardOperationSchema,
  code: z.string().min(1).max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** When this console recorded the answer: each refusal is a new one, even for the same reason. */
  at: z.iso.datetime(),
});
export type CardRefusal = z.infer<typeof CardRefusalSchema>;
/** A refusal as the sync ledger reads it from an answer; the store stamps the time. */
export type CardRefusalAnswer = Omit<CardRefusal, 'at'>;

/** A refusal from the reason an operation's answer gives, in the stable shape. */
export function refusalOf(operation: RefusableCardOperation, reason: string): CardRefusalAnswer {
  return { operation, code: UNKNOWN_REFUSAL_CODE, params: { reason } };
}
