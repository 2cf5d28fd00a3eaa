import { z } from 'zod';
import { DepartmentSchema, PatrolUnitSchema } from './department';
import { TerritorySchema } from '../places/territory';

/**
 * Reference data (анықтамалықтар / справочники) the console keeps for offline work: every department, and
 * the patrol units and territories of the signed-in account's scope. Card categories are not here: they are
 * constants of the domain (domain/cards/category.ts), shipped with the console.
 */
export const REFERENCE_KINDS = ['departments', 'units', 'territories'] as const;
export const ReferenceKindSchema = z.enum(REFERENCE_KINDS);
export type ReferenceKind = z.infer<typeof ReferenceKindSchema>;

/** Far above the country's real counts; an answer beyond them is a fault, not data. */
export const REFERENCE_LIMITS = { departments: 2000, units: 50_000, territories: 5000 } as const;

const unique =
  <T>(key: (item: T) => string) =>
  (items: readonly T[]) =>
    new Set(items.map(key)).size === items.length;

/** Central's answers (`GET /api/departments`, `/api/units`, `/api/territories`): a bad one is refused whole. */
export const DepartmentsAnswerSchema = z.object({
  departments: z
    .array(DepartmentSchema)
    .max(REFERENCE_LIMITS.departments)
    .refine(
      unique((d: { id: string }) => d.id),
      'a department appears twice',
    ),
});
export type DepartmentsAnswer = z.infer<typeof DepartmentsAnswerSchema>;

export const UnitsAnswerSchema = z.object({
  units: z
    .array(PatrolUnitSchema)
    .max(REFERENCE_LIMITS.units)
    .refine(
      unique((u: { id: string }) => u.id),
      'a patrol unit appears twice',
    ),
});
export type UnitsAnswer = z.infer<typeof UnitsAnswerSchema>;

export const TerritoriesAnswerSchema = z.object({
  territories: z
    .array(TerritorySchema)
    .max(REFERENCE_LIMITS.territories)
    .refine(
      unique((t: { departmentId: string }) => t.departmentId),
      'a department has two territories',
    ),
});
export type TerritoriesAnswer = z.infer<typeof TerritoriesAnswerSchema>;
