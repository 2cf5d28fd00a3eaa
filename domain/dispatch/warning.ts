import { z } from 'zod';
import { storableText } from '../contract/text';

/**
 * §15: before the officers arrive the duty unit checks the persons involved against the ministry's reference
 * records and warns them of what raises the threat level. Each kind is translated on the screens.
 */
export const REFERENCE_RECORD_KINDS = ['weapon', 'conviction', 'psychiatric', 'danger'] as const;
export const ReferenceRecordKindSchema = z.enum(REFERENCE_RECORD_KINDS);
export type ReferenceRecordKind = z.infer<typeof ReferenceRecordKindSchema>;

/** A person named on the card, as the duty officer asks about them: an IIN, a name, or both. */
export const CheckedPersonSchema = z
  .strictObject({
    name: storableText().trim().min(1).max(200).optional(),
    iin: storableText()
      .regex(/^[0-9]{12}$/, 'IIN is 12 digits')
      .optional(),
  })
  .refine((p) => p.name !== undefined || p.iin !== undefined, {
    message: 'name the person or give the IIN',
  });
export type CheckedPerson = z.infer<typeof CheckedPersonSchema>;

/** A check the duty officer asks for: whom, on which card, and why (§15; every check audited). */
export const ReferenceCheckInputSchema = z.strictObject({
  cardId: z.uuid(),
  person: CheckedPersonSchema,
  reason: storableText().trim().min(3).max(500),
});
export type ReferenceCheckInput = z.infer<typeof ReferenceCheckInputSchema>;

/** A check queued in the outbox while central was out of reach: whom and why; the operation names the card. */
export const QueuedCheckPayloadSchema = ReferenceCheckInputSchema.omit({ cardId: true });

/** A check of this card waiting in the outbox, as the duty officer's screen lists it (will be made when connected). */
export const QueuedCheckSchema = z.object({
  operationId: z.uuid(),
  person: CheckedPersonSchema,
  reason: storableText(),
  queuedAt: z.iso.datetime(),
});
export type QueuedCheck = z.infer<typeof QueuedCheckSchema>;

/**
 * A warning for the card's dispatched units (сақтандыру / предупреждение): one record found for one person
 * checked. `note` is the register's own words (data, shown as text, never markup).
 */
export const CardWarningSchema = z.object({
  id: z.uuid(),
  cardId: z.uuid(),
  kind: ReferenceRecordKindSchema,
  personName: storableText().nullable(),
  note: storableText(),
  createdAt: z.iso.datetime(),
});
export type CardWarning = z.infer<typeof CardWarningSchema>;

/** What a check found: how many records, and the warnings they raised (none when the person is clean). */
export const ReferenceCheckAnswerSchema = z.object({
  checkId: z.uuid(),
  found: z.number().int().nonnegative(),
  warnings: z.array(CardWarningSchema),
});
export type ReferenceCheckAnswer = z.infer<typeof ReferenceCheckAnswerSchema>;

/** The warnings of one card, newest first: what units' panel and the board show (`warnings` prop). */
export const warningsOfCard = (all: readonly CardWarning[], cardId: string): CardWarning[] =>
  all.filter((w) => w.cardId === cardId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
