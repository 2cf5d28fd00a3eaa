import { z } from 'zod';
import { DepartmentIdSchema } from '../reference/department';
import type { LatLon } from './geo';

/** GeoJSON position [lon, lat] in WGS 84 (RFC 7946 order). */
const PositionSchema = z
  .tuple([z.number().finite(), z.number().finite()])
  .rest(z.number().finite())
  .refine(
    ([lon, lat]) => lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90,
    'position must be [lon, lat] in degrees',
  );
const RingSchema = z
  .array(PositionSchema)
  .min(4, 'a linear ring has at least 4 positions')
  .refine((r) => {
    const first = r[0];
    const last = r[r.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a linear ring must be closed (first position = last position)');

export const TerritoryGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(RingSchema).min(1)).min(1) }),
]);
export type TerritoryGeometry = z.infer<typeof TerritoryGeometrySchema>;

/** One department's territory (аумақ / территория обслуживания, §8). */
export const TerritorySchema = z
  .object({ departmentId: DepartmentIdSchema, geometry: TerritoryGeometrySchema })
  .strict();
export type Territory = z.infer<typeof TerritorySchema>;

/**
 * The admin's import of official territories: a FeatureCollection whose features name their department
 * in `properties.departmentId`. The whole file is refused when any feature is wrong.
 */
export const TerritoryImportSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.looseObject({ departmentId: DepartmentIdSchema }),
        geometry: TerritoryGeometrySchema,
      }),
    )
    .min(1, 'the file has no territories')
    .max(5000),
});
export type TerritoryImport = z.infer<typeof TerritoryImportSchema>;

type Ring = readonly (readonly number[])[];

/**
 * A ring cut into horizontal bands, each listing the edges that cross it as flat [x1, y1, x2, y2, …]:
 * a ray cast then tests a handful of edges instead of every vertex of a detailed border.
 */
interface BandedRing {
  minLat: number;
  bandHeight: number;
  bands: Float64Array[];
}

const BANDS = 64;

function bandRing(ring: Ring): BandedRing {
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [, lat = 0] of ring) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const bandHeight = (maxLat - minLat) / BANDS || 1;
  const lists: number[][] = Array.from({ length: BANDS }, () => []);
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[j] ?? [];
    const from = Math.max(0, Math.floor((Math.min(y1, y2) - minLat) / bandHeight));
    const to = Math.min(BANDS - 1, Math.floor((Math.max(y1, y2) - minLat) / bandHeight));
    for (let b = from; b <= to; b++) lists[b]?.push(x1, y1, x2, y2);
  }
  return { minLat, bandHeight, bands: lists.map((l) => Float64Array.from(l)) };
}

/** Even-odd ray casting over the edges of the point's band. */
function inRing(ring: BandedRing, lon: number, lat: number): boolean {
  const band = ring.bands[Math.floor((lat - ring.minLat) / ring.bandHeight)];
  if (band === undefined) return false;
  let inside = false;
  for (let k = 0; k < band.length; k += 4) {
    const xi = band[k] ?? 0;
    const yi = band[k + 1] ?? 0;
    const xj = band[k + 2] ?? 0;
    const yj = band[k + 3] ?? 0;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(rings: readonly BandedRing[], lon: number, lat: number): boolean {
  const [outer, ...holes] = rings;
  if (outer === undefined || !inRing(outer, lon, lat)) return false;
  return !holes.some((hole) => inRing(hole, lon, lat));
}

interface Indexed {
  departmentId: string;
  polygons: readonly (readonly BandedRing[])[];
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  area: number;
}

function index(t: Territory): Indexed {
  const polygons = t.geometry.type === 'Polygon' ? [t.geometry.coordinates] : t.geometry.coordinates;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygons) {
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return {
    departmentId: t.departmentId,
    polygons: polygons.map((rings) => rings.map(bandRing)),
    minLon,
    minLat,
    maxLon,
    maxLat,
    area: (maxLon - minLon) * (maxLat - minLat),
  };
}

/** Where an appeal or card went, and why (§8). */
export type RoutingDecision =
  | { departmentId: string; by: 'territory' }
  | { departmentId: string; by: 'chosenRegion' }
  | { departmentId: null; by: 'fallbackQueue' };

export interface TerritoryRouter {
  /** The department whose territory holds the point, the most specific one when territories nest. */
  locate(point: LatLon): string | null;
  /**
   * §8 routing: by territory; with no location or outside every territory, the region chosen by the
   * operator (or citizen); otherwise the fallback queue, never lost.
   */
  route(point: LatLon | null, chosenDepartmentId?: string | null): RoutingDecision;
  readonly size: number;
}

/**
 * Builds a router over the territories. Bounding boxes reject most candidates before ray casting;
 * nested territories (a district inside its region) resolve to the smallest box that holds the point.
 */
export function createTerritoryRouter(territories: readonly Territory[]): TerritoryRouter {
  const indexed = territories.map(index).sort((a, b) => a.area - b.area);
  const locate = ({ lat, lon }: LatLon): string | null => {
    for (const t of indexed) {
      if (lon < t.minLon || lon > t.maxLon || lat < t.minLat || lat > t.maxLat) continue;
      if (t.polygons.some((p) => inPolygon(p, lon, lat))) return t.departmentId;
    }
    return null;
  };
  return {
    size: indexed.length,
    locate,
    route(point, chosenDepartmentId) {
      const found = point ? locate(point) : null;
      if (found !== null) return { departmentId: found, by: 'territory' };
      if (chosenDepartmentId) return { departmentId: chosenDepartmentId, by: 'chosenRegion' };
      return { departmentId: null, by: 'fallbackQueue' };
    },
  };
}
