import { describe, expect, it } from 'vitest';
import { DEMO_PATROL_UNITS } from '../../central/demo/demoDepartments';
import { demoTerritories } from '../../central/demo/seed';
import {
  DepartmentsAnswerSchema,
  REFERENCE_LIMITS,
  TerritoriesAnswerSchema,
  UnitsAnswerSchema,
} from '../../domain/reference/reference';

const { departments, territories } = demoTerritories();

describe("central's reference answers, as the console checks them", () => {
  it("accept the demo's departments, patrol units and territories", () => {
    expect(DepartmentsAnswerSchema.safeParse({ departments }).success).toBe(true);
    expect(UnitsAnswerSchema.safeParse({ units: DEMO_PATROL_UNITS }).success).toBe(true);
    expect(TerritoriesAnswerSchema.safeParse({ territories }).success).toBe(true);
  });

  it('refuse repeated ids, so two copies of a unit never show as two units', () => {
    const [unit] = DEMO_PATROL_UNITS;
    const twice = UnitsAnswerSchema.safeParse({ units: [unit, { ...unit, callSign: 'X-1' }] });
    expect(twice.error?.issues[0]?.message).toBe('a patrol unit appears twice');
    const [department] = departments;
    expect(DepartmentsAnswerSchema.safeParse({ departments: [department, department] }).success).toBe(false);
    const [territory] = territories;
    expect(TerritoriesAnswerSchema.safeParse({ territories: [territory, territory] }).success).toBe(false);
  });

  it('refuse a territory whose ring is not closed or whose points are not [lon, lat]', () => {
    const [territory] = territories;
    if (!territory) throw new Error('no demo territory');
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [77, 43],
          [77.1, 43],
          [77.1, 43.1],
          [77, 43.1],
        ],
      ],
    };
    const swapped = {
      type: 'Polygon',
      coordinates: [
        [
          [43, 177],
          [43.1, 177],
          [43.1, 177.1],
          [43, 177],
        ],
      ],
    };
    for (const geometry of [open, swapped, { type: 'Point', coordinates: [77, 43] }])
      expect(TerritoriesAnswerSchema.safeParse({ territories: [{ ...territory, geometry }] }).success).toBe(
        false,
      );
  });

  it('refuse an answer far beyond the country (a fault, not data)', () => {
    const [unit] = DEMO_PATROL_UNITS;
    if (!unit) throw new Error('no demo unit');
    const flood = Array.from({ length: REFERENCE_LIMITS.units + 1 }, (_, i) => ({ ...unit, id: `u${i}` }));
    expect(UnitsAnswerSchema.safeParse({ units: flood }).success).toBe(false);
  });
});
