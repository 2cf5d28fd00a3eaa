import { z } from 'zod';
import { storableText } from '../contract/text';
import { ApplicantSchema } from '../cards/card';
import { CardWarningSchema, ReferenceRecordKindSchema } from './warning';
import type { AcknowledgementLimits } from './acknowledgement';

/** Central's §13 limits, as the board needs them (configurable on central, defaults in acknowledgement.ts). */
export const AcknowledgementLimitsSchema = z.object({
  lateAfterMs: z.number().int().positive(),
  escalateAfterMs: z.number().int().positive(),
}) satisfies z.ZodType<AcknowledgementLimits>;

/** One step of a card's history (§10: each step recorded with who and when). */
export const CardStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('transition'),
    transition: storableText(),
    at: z.iso.datetime(),
    by: storableText().nullable(),
    note: storableText().nullable(),
  }),
  z.object({
    kind: z.literal('check'),
    at: z.iso.datetime(),
    by: storableText().nullable(),
    personName: storableText().nullable(),
    found: z.number().int().nonnegative(),
    kinds: z.array(ReferenceRecordKindSchema),
  }),
]);
export type CardStep = z.infer<typeof CardStepSchema>;

/** What the board shows of one card beyond the card itself: its history and its warnings. */
export const BoardDetailsSchema = z.object({
  cardId: z.uuid(),
  steps: z.array(CardStepSchema),
  warnings: z.array(CardWarningSchema),
});
export type BoardDetails = z.infer<typeof BoardDetailsSchema>;

/** The applicant as the registered-user data of the appeal names them (§10), or null for none/anonymous. */
export const IdentifiedApplicantSchema = z.object({ applicant: ApplicantSchema.nullable() });

/** The realtime frame that rings the supervisor: a card not taken past the second limit (§13, §16). */
export const EscalatedCardSchema = z.object({
  cardId: z.uuid(),
  number: storableText().nullable(),
  departmentId: storableText().nullable(),
  sentAt: z.iso.datetime(),
});
export type EscalatedCard = z.infer<typeof EscalatedCardSchema>;

/** What a board action that needs central at once answers on the console: done, refused (a code), or offline. */
export const boardAnswerSchema = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), refusal: storableText() }),
    z.object({ ok: z.literal(false), offline: z.literal(true) }),
  ]);
