import { z } from 'zod';
import { storableText } from '../contract/text';
import { CompetentServiceSchema } from '../inbox/inbox';
import { UnitIdSchema, UnitSchema } from '../dispatch/unit';
import { DepartmentIdSchema } from '../reference/department';

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

/**
 * A patrol unit or a СОГ as the admin's directory keeps it (§13, §28): what it is called on the radio, what it
 * is and how many it carries. Its live status and position are not here: the vehicle's system and the
 * inspector set them (domain/dispatch/unit.ts).
 */
export const UnitEntrySchema = UnitSchema.pick({
  id: true,
  departmentId: true,
  callSign: true,
  kind: true,
  crew: true,
});
export type UnitEntry = z.infer<typeof UnitEntrySchema>;

/** A new unit: its id is a short Latin name that never changes (dispatches and positions keep pointing at it). */
export const NewUnitSchema = z.strictObject({
  id: storableText()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'a short Latin id: letters, digits and dashes'),
  departmentId: DepartmentIdSchema,
  callSign: UnitSchema.shape.callSign.trim(),
  kind: UnitSchema.shape.kind,
  crew: UnitSchema.shape.crew,
});
export type NewUnit = z.infer<typeof NewUnitSchema>;

/** A unit never moves to another department here: that is a new unit of the other department. */
export const UnitChangesSchema = NewUnitSchema.omit({ id: true, departmentId: true })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');
export type UnitChanges = z.infer<typeof UnitChangesSchema>;

export const UnitIdParamsSchema = z.strictObject({ id: UnitIdSchema });
export const UnitDirectoryQuerySchema = z.strictObject({ departmentId: DepartmentIdSchema });
