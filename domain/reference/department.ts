import { z } from 'zod';
import { storableText } from '../contract/text';
import { LatLonSchema } from '../places/geo';

/** A police department id, stable across imports (e.g. `kz-almaty-city`, `kz-almaty-city-medeu`). */
export const DepartmentIdSchema = storableText().regex(
  /^[a-z0-9][a-z0-9-]{1,63}$/,
  'department id is 2–64 lowercase letters, digits or dashes',
);
export type DepartmentId = z.infer<typeof DepartmentIdSchema>;

/**
 * Police department (полиция департаменті / департамент полиции, ДП) of a region or a city of republican
 * significance, or a city/district police department (ҚПБ/АПБ, УП/ОП) beneath one.
 */
export const DepartmentKindSchema = z.enum(['region', 'city', 'district']);
export type DepartmentKind = z.infer<typeof DepartmentKindSchema>;

export const DepartmentSchema = z
  .object({
    id: DepartmentIdSchema,
    kind: DepartmentKindSchema,
    parentId: DepartmentIdSchema.nullable(),
    /** Short code used in register numbers (`ALA-2026-000042`). */
    code: storableText().regex(/^[A-Z0-9]{2,8}$/, 'department code is 2–8 capital letters or digits'),
    nameKk: storableText().min(1).max(200),
    nameRu: storableText().min(1).max(200),
    nameEn: storableText().min(1).max(200),
    seat: LatLonSchema.nullable(),
  })
  .strict();
export type Department = z.infer<typeof DepartmentSchema>;

/** A patrol unit (патруль / наряд) the inspector can send (§13). */
export const PatrolUnitSchema = z
  .object({
    id: storableText().min(1).max(64),
    departmentId: DepartmentIdSchema,
    callSign: storableText().min(1).max(32),
    /** `sog`: an investigative-operative group (СОГ), sent as one unit. */
    kind: z.enum(['car', 'foot', 'moto', 'sog']),
  })
  .strict();
export type PatrolUnit = z.infer<typeof PatrolUnitSchema>;
