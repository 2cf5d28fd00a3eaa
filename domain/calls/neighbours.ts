import type { LatLon } from '../places/geo';
import type { Territory } from '../places/territory';

const EARTH_RADIUS_KM = 6371;

/** Kilometres from a point to a segment, on a local flat projection around the point (enough below ~100 km). */
function kmToSegment(p: LatLon, a: readonly number[], b: readonly number[]): number {
  const kx = (Math.PI / 180) * EARTH_RADIUS_KM * Math.cos((p.lat * Math.PI) / 180);
  const ky = (Math.PI / 180) * EARTH_RADIUS_KM;
  const ax = ((a[0] ?? 0) - p.lon) * kx;
  const ay = ((a[1] ?? 0) - p.lat) * ky;
  const bx = ((b[0] ?? 0) - p.lon) * kx;
  const by = ((b[1] ?? 0) - p.lat) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function kmToBorder(p: LatLon, territory: Territory): number {
  const polygons =
    territory.geometry.type === 'Polygon' ? [territory.geometry.coordinates] : territory.geometry.coordinates;
  let best = Infinity;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        if (a && b) best = Math.min(best, kmToSegment(p, a, b));
      }
  return best;
}

/**
 * The territories that help when a call waits too long (issue 13, item 2): the other territories whose
 * border lies within `radiusKm` of the caller. Without the caller's place, none (only the supervisor is rung).
 */
export function neighbouringDepartments(
  territories: readonly Territory[],
  own: string | null,
  caller: LatLon | null,
  radiusKm: number,
): string[] {
  if (!caller) return [];
  return territories
    .filter((t) => t.departmentId !== own && kmToBorder(caller, t) <= radiusKm)
    .map((t) => t.departmentId);
}
