import { describe, expect, it } from 'vitest';
import { demoTerritories } from '../../central/demo/seed';
import { type Territory, TerritorySchema } from '../../domain/places/territory';
import { OUTLINE_TOLERANCE_DEG, outlineOf } from '../../domain/places/territoryOutline';

type Position = [number, number];

/** A detailed border: a wobbly circle of `points` positions, closed, as an official file might have it. */
function detailedBorder(points: number, centre: Position = [76.9, 43.25], radius = 0.2): Position[] {
  const ring = Array.from({ length: points }, (_, i): Position => {
    const angle = (2 * Math.PI * i) / points;
    const r = radius * (1 + 0.05 * Math.sin(angle * 7));
    return [centre[0] + r * Math.cos(angle), centre[1] + r * Math.sin(angle)];
  });
  return [...ring, ring[0] as Position];
}

const square = (lon: number, lat: number, half: number): Position[] => [
  [lon - half, lat - half],
  [lon + half, lat - half],
  [lon + half, lat + half],
  [lon - half, lat + half],
  [lon - half, lat - half],
];

function distanceToSegment([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const ringsOf = (t: Territory): Position[][] =>
  (t.geometry.type === 'Polygon' ? [t.geometry.coordinates] : t.geometry.coordinates).flatMap((polygon) =>
    polygon.map((ring) => ring.map(([lon, lat]): Position => [lon, lat])),
  );

describe('territory outlines for the map', () => {
  it('draws a border of 200,000 points with a few dozen, never further than the tolerance from it', () => {
    const border = detailedBorder(200_000);
    const outline = outlineOf({
      departmentId: 'kz-almaty',
      geometry: { type: 'Polygon', coordinates: [border] },
    });
    const [ring = []] = ringsOf(outline);
    expect(ring.length).toBeGreaterThan(10);
    expect(ring.length).toBeLessThan(400);
    expect(ring[0]).toEqual(ring.at(-1));
    let worst = 0;
    for (const p of border.filter((_, i) => i % 50 === 0)) {
      let nearest = Infinity;
      for (let i = 1; i < ring.length; i++)
        nearest = Math.min(nearest, distanceToSegment(p, ring[i - 1] as Position, ring[i] as Position));
      worst = Math.max(worst, nearest);
    }
    // Rounding to 5 decimals adds at most about 0.00001° on top of the tolerance.
    expect(worst).toBeLessThanOrEqual(OUTLINE_TOLERANCE_DEG + 2e-5);
    expect(TerritorySchema.safeParse(outline).success).toBe(true);
  });

  it('keeps a simple territory as it is', () => {
    const district: Territory = {
      departmentId: 'kz-almaty-medeu',
      geometry: { type: 'Polygon', coordinates: [square(77, 43.25, 0.0625)] },
    };
    expect(outlineOf(district)).toEqual(district);
  });

  it('drops islands and lakes too small to see, and keeps a territory smaller than the tolerance whole', () => {
    const region: Territory = {
      departmentId: 'kz-akmola',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[square(70, 52, 2), square(70, 52, 0.00005)], [square(72, 55, 0.00005)]],
      },
    };
    expect(outlineOf(region).geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square(70, 52, 2)]] });
    const speck: Territory = {
      departmentId: 'kz-speck',
      geometry: { type: 'Polygon', coordinates: [square(70, 52, 0.00001)] },
    };
    expect(outlineOf(speck)).toEqual(speck);
  });

  it('leaves the demo territories valid and no larger', () => {
    for (const territory of demoTerritories().territories) {
      const outline = outlineOf(territory);
      expect(TerritorySchema.safeParse(outline).success).toBe(true);
      expect(JSON.stringify(outline).length).toBeLessThanOrEqual(JSON.stringify(territory).length);
    }
  });
});
