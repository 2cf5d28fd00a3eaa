import { z } from 'zod';
import { storableText } from '../contract/text';

/**
 * The operations of a card central may refuse (names of domain/sync/sync.ts's operations; a test holds them
 * to it); a chat line's refusal is shown on the line instead.
 */
export const REFUSABLE_CARD_OPERATIONS = [
  'card.create',
  'card.update',
  'card.transition',
  'recording.meta',
  'units.dispatch',
  'reference.check',
] as const;
export const RefusableCardOperationSchema = z.enum(REFUSABLE_CARD_OPERATIONS);
export type RefusableCardOperation = z.infer<typeof RefusableCardOperationSchema>;

/** A refusal central gave without a code (recorded before refusals had codes): the screen says "refused". */
export const UNKNOWN_REFUSAL_CODE = 'unknown';

/**
 * What central refused of a card and why, kept on the card until central accepts a later change of it.
 * `code` and `params` are central's refusal (domain/contract/refusal.ts), which the screen translates (kk/ru/en);
 * `reason` is central's English detail, kept for the log and never shown.
 */
export const CardRefusalSchema = z.object({
  operation: RefusableCardOperationSchema,
  code: storableText().min(1).max(100),
  // domain/contract/refusal.ts's parameters, loose as on the wire (importing it here would make card.ts a cycle).
  params: z.record(storableText(), z.unknown()).optional(),
  reason: storableText().max(2000).optional(),
  /** When this console recorded the answer: each refusal is a new one, even for the same reason. */
  at: z.iso.datetime(),
});
export type CardRefusal = z.infer<typeof CardRefusalSchema>;
/** A refusal as the sync ledger reads it from an answer; the store stamps the time. */
export type CardRefusalAnswer = Omit<CardRefusal, 'at'>;

/** A card's refusal from an operation's answer (a rejection, or the original answer of a duplicate). */
export function refusalOf(
  operation: RefusableCardOperation,
  answer: { code: string | null; params: Record<string, unknown> | null; reason: string | null },
): CardRefusalAnswer {
  return {
    operation,
    code: answer.code ?? UNKNOWN_REFUSAL_CODE,
    params: answer.params ?? {},
    ...(answer.reason ? { reason: answer.reason } : {}),
  };
}
