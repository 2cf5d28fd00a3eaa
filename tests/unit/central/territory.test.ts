import { describe, expect, it } from 'vitest';
import {
  createTerritoryRouter,
  type Territory,
  TerritoryImportSchema,
} from '../../../domain/places/territory';
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

  it('agrees with plain ray casting over every vertex on the demo territories', () => {
    const demo = demoTerritories().territories;
    const banded = createTerritoryRouter(demo);
    const inRing = (ring: readonly (readonly number[])[], x: number, y: number) => {
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi = 0, yi = 0] = ring[i] ?? [];
        const [xj = 0, yj = 0] = ring[j] ?? [];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
    const naive = (lat: number, lon: number) =>
      demo
        .filter((t) =>
          (t.geometry.type === 'Polygon' ? [t.geometry.coordinates] : t.geometry.coordinates).some(
            ([outer, ...holes]) =>
              outer !== undefined && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)),
          ),
        )
        .map((t) => t.departmentId);
    let found = 0;
    for (let i = 0; i < 1_000; i++) {
      const lat = 40.5 + ((i * 7919) % 1_000) * 0.015;
      const lon = 46.5 + ((i * 104_729) % 1_000) * 0.041;
      const hit = banded.locate({ lat, lon });
      const all = naive(lat, lon);
      if (hit === null) expect(all).toEqual([]);
      else {
        expect(all).toContain(hit);
        found++;
      }
    }
    expect(found).toBeGreaterThan(250);
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
