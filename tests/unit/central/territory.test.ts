import { describe, expect, it } from 'vitest';
import { createTerritoryRouter, type Territory, TerritoryImportSchema } from '../../../domain/territory';
import { demoTerritories } from '../../../central/demo/seed';

const square = (lon: number, lat: number, half: number): [number, number][] => [
  [lon - half, lat - half],
  [lon + half, lat - half],
  [lon + half, lat + half],
  [lon - half, lat + half],
  [lon - half, lat - half],
];

/** A region with a lake (hole), an island (second polygon) and a city inside it. */
const territories: Territory[] = [
  {
    departmentId: 'region',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [[square(70, 50, 5), square(70, 50, 1)], [square(80, 50, 1)]],
    },
  },
  { departmentId: 'city', geometry: { type: 'Polygon', coordinates: [square(67, 47, 0.5)] } },
];
const router = createTerritoryRouter(territories);

describe('routing by territory (§8)', () => {
  it('finds the department whose polygon holds the point', () => {
    expect(router.locate({ lat: 53, lon: 73 })).toBe('region');
    expect(router.locate({ lat: 50, lon: 80.5 })).toBe('region');
  });

  it('does not count a point in a hole', () => {
    expect(router.locate({ lat: 50, lon: 70 })).toBeNull();
  });

  it('prefers the most specific territory when they nest', () => {
    expect(router.locate({ lat: 47, lon: 67 })).toBe('city');
  });

  it('routes to the chosen region when there is no location or it is outside every territory, else to the fallback queue', () => {
    expect(router.route(null, 'region')).toEqual({ departmentId: 'region', by: 'chosenRegion' });
    expect(router.route({ lat: 0, lon: 0 }, null)).toEqual({ departmentId: null, by: 'fallbackQueue' });
    expect(router.route({ lat: 53, lon: 73 }, 'city')).toEqual({ departmentId: 'region', by: 'territory' });
  });

  it('locates 100,000 points in the demo territories in well under a second', () => {
    const demo = createTerritoryRouter(demoTerritories().territories);
    const t0 = performance.now();
    let found = 0;
    for (let i = 0; i < 100_000; i++)
      if (demo.locate({ lat: 41 + (i % 1000) * 0.014, lon: 47 + Math.floor(i / 1000) * 0.4 }) !== null)
        found++;
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(found).toBeGreaterThan(10_000);
  });

  it('puts each demo seat in its own department', () => {
    const { departments, territories: demo } = demoTerritories();
    const r = createTerritoryRouter(demo);
    for (const d of departments.filter((x) => x.kind !== 'district')) {
      if (d.seat)
        expect([d.id, ...departments.filter((c) => c.parentId === d.id).map((c) => c.id)]).toContain(
          r.locate(d.seat),
        );
    }
  });

  it('refuses an import with an open ring or coordinates out of range', () => {
    const file = (coordinates: number[][][]) => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { departmentId: 'kz-almaty' },
          geometry: { type: 'Polygon', coordinates },
        },
      ],
    });
    expect(TerritoryImportSchema.safeParse(file([square(70, 50, 1)])).success).toBe(true);
    expect(TerritoryImportSchema.safeParse(file([square(70, 50, 1).slice(0, 4)])).success).toBe(false);
    expect(TerritoryImportSchema.safeParse(file([square(179.5, 50, 1)])).success).toBe(false);
  });
});
