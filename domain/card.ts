import { z } from 'zod';
import { CardCategorySchema } from './category';
import { IncidentLocationSchema } from './geo';

/** Limits that keep one card readable and the database small; the same on every boundary. */
export const CARD_LIMITS = {
  descriptionMax: 4000,
} as const;

export const CardIdSchema = z.uuid({ message: 'card id must be a UUID' });
export type CardId = z.infer<typeof CardIdSchema>;

/** Where a card stands in the console; the full workflow (§9–15) lives in domain/workflow.ts. */
export const CardStatusSchema = z.enum(['draft']);
export type CardStatus = z.infer<typeof CardStatusSchema>;

/**
 * The incident card ("102" карточкасы / карточка «102»): what the applicant says, where, and its category (§9).
 */
export const CardSchema = z.object({
  id: CardIdSchema,
  /** Provisional number given by this console until central assigns the register's number. */
  localNumber: z.number().int().positive(),
  status: CardStatusSchema,
  description: z.string().max(CARD_LIMITS.descriptionMax),
  category: CardCategorySchema.nullable(),
  location: IncidentLocationSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Card = z.infer<typeof CardSchema>;

/** What the operator types into a draft; `id` is absent for a new card. */
export const CardDraftInputSchema = z
  .object({
    id: CardIdSchema.optional(),
    description: z
      .string()
      .trim()
      .max(CARD_LIMITS.descriptionMax, `description must be at most ${CARD_LIMITS.descriptionMax} characters`),
    category: CardCategorySchema.nullable(),
    location: IncidentLocationSchema.nullable(),
  })
  .strict();
export type CardDraftInput = z.infer<typeof CardDraftInputSchema>;
