import { z } from 'zod';
import { storableText } from '../contract/text';
import { CompetentServiceSchema } from '../inbox/inbox';

/** What a competent service takes (§12.4 "by competence"), in both languages, as the operator reads it when forwarding. */
const competence = storableText().trim().max(500);
const serviceName = storableText().trim().min(1).max(200);

/**
 * A competent service (құзыреттілігі бойынша орындаушы қызмет / исполнитель по компетенции) as the admin's
 * directory keeps it: its names and its competence. The operator's forward list reads the same row.
 */
export const ServiceEntrySchema = CompetentServiceSchema.extend({
  competenceKk: competence,
  competenceRu: competence,
});
export type ServiceEntry = z.infer<typeof ServiceEntrySchema>;

/** A new service: its id is a short Latin name that never changes (appeals forwarded to it keep it). */
export const NewServiceSchema = z.strictObject({
  id: storableText()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,63}$/, 'a short Latin id: letters, digits and dashes'),
  nameKk: serviceName,
  nameRu: serviceName,
  competenceKk: competence,
  competenceRu: competence,
});
export type NewService = z.infer<typeof NewServiceSchema>;

export const ServiceChangesSchema = NewServiceSchema.omit({ id: true })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');
export type ServiceChanges = z.infer<typeof ServiceChangesSchema>;

export const ServiceIdParamsSchema = z.strictObject({ id: storableText().min(1).max(64) });
