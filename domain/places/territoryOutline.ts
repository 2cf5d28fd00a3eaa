import type { Territory, TerritoryGeometry } from './territory';

/**
 * How far a drawn outline may stray from central's border, in degrees: about 20 m, a pixel or two at city
 * zoom. Official borders can hold millions of points; an outline to draw needs a few thousand.
 */
export const OUTLINE_TOLERANCE_DEG = 0.0002;

/** Outlines keep 5 decimals (about 1 m): the rest is JSON weight with nothing to see. */
const round = (value: number) => Math.round(value * 1e5) / 1e5;

type Position = [number, number, ...number[]];
type Ring = Position[];

/** Squared distance (Math.hypot is several times slower, and this runs for every point of a border). */
function squaredDistanceToSegment(p: Position, a: Position, b: Position): number {
  const ax = a[0];
  const ay = a[1];
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / lengthSquared));
  const ex = p[0] - (ax + t * dx);
  const ey = p[1] - (ay + t * dy);
  return ex * ex + ey * ey;
}

/**
 * Drops every position closer than `tolerance` to the last one kept, in one pass: a border surveyed every
 * metre becomes one every few metres before Douglas–Peucker, which is quadratic at worst, sees it.
 */
function thinOut(ring: Ring, tolerance: number): Ring {
  const first = ring[0];
  if (!first) return ring;
  const kept: Ring = [first];
  let last = first;
  for (let i = 1; i < ring.length - 1; i++) {
    const p = ring[i];
    if (p && (p[0] - last[0]) ** 2 + (p[1] - last[1]) ** 2 >= tolerance * tolerance) {
      kept.push(p);
      last = p;
    }
  }
  kept.push(ring[ring.length - 1] ?? first);
  return kept;
}

/**
 * Douglas–Peucker on a closed ring (first = last), with a stack instead of recursion so a border of a
 * million points cannot overflow. Null when the ring shrinks below a ring (smaller than the tolerance).
 */
function simplifyRing(detailed: Ring, tolerance: number): Ring | null {
  // Half the tolerance for each pass: together they stay within it.
  const ring = thinOut(detailed, tolerance / 2);
  tolerance /= 2;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [from, to] = span;
    const a = ring[from];
    const b = ring[to];
    if (!a || !b) continue;
    let farthest = -1;
    let distance = tolerance * tolerance;
    for (let i = from + 1; i < to; i++) {
      const p = ring[i];
      const d = p ? squaredDistanceToSegment(p, a, b) : 0;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([from, farthest], [farthest, to]);
  }
  const kept = ring.filter((_, i) => keep[i] === 1).map(([lon, lat]): Position => [round(lon), round(lat)]);
  return kept.length >= 4 ? kept : null;
}

function simplifyPolygon(rings: readonly Ring[], tolerance: number): Ring[] | null {
  const [outer, ...holes] = rings;
  const shell = outer ? simplifyRing(outer, tolerance) : null;
  if (!shell) return null;
  // A hole narrower than the tolerance cannot be seen: it goes, the polygon stays.
  const kept = holes.map((hole) => simplifyRing(hole, tolerance)).filter((hole) => hole !== null);
  return [shell, ...kept];
}

function simplifyGeometry(geometry: TerritoryGeometry, tolerance: number): TerritoryGeometry | null {
  if (geometry.type === 'Polygon') {
    const polygon = simplifyPolygon(geometry.coordinates, tolerance);
    return polygon ? { type: 'Polygon', coordinates: polygon } : null;
  }
  const polygons = geometry.coordinates
    .map((polygon) => simplifyPolygon(polygon, tolerance))
    .filter((polygon) => polygon !== null);
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/**
 * The territory as the console draws it: the same shape within `tolerance`, with far fewer points.
 * Islands and holes smaller than the tolerance disappear; a territory smaller than it keeps its border.
 */
export function outlineOf(territory: Territory, tolerance = OUTLINE_TOLERANCE_DEG): Territory {
  return {
    departmentId: territory.departmentId,
    geometry: simplifyGeometry(territory.geometry, tolerance) ?? territory.geometry,
  };
}
