import type { CountryCheck } from './country';
import { type TerritoryGeometry, type TerritoryImport, TerritoryImportSchema } from './territory';

/**
 * The admin's territory file (§8, §28), checked the same way on the console (its preview, before anything
 * is sent) and on central (the import itself): the admin hears what is wrong with the file, not a failed
 * import. Problems are codes with parameters; the screens and central's refusals translate them.
 */

/** Central's largest territory file (detailed official borders); the console refuses larger ones before sending. */
export const TERRITORY_FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A border drawn from a finer map than the shipped, simplified outline strays outside it here and there: a
 * territory is outside the country when more than this share of its corners are (a file with latitude and
 * longitude swapped, or another country's borders, has nearly all of them outside).
 */
export const OUTSIDE_COUNTRY_SHARE = 0.05;
/** Corners checked per territory at most, evenly spread: a detailed border has hundreds of thousands. */
const COUNTRY_SAMPLE = 2_000;

export type TerritoryFileProblem =
  | { code: 'territory.notJson'; params: Record<string, never> }
  | { code: 'territory.tooLarge'; params: { maxBytes: number } }
  | { code: 'territory.wrongShape'; params: { path: string } }
  | { code: 'territory.selfIntersecting'; params: { departmentId: string } }
  | { code: 'territory.outsideCountry'; params: { departmentId: string } };

export type TerritoryFileCheck =
  { ok: true; file: TerritoryImport } | { ok: false; problem: TerritoryFileProblem };

/** Reads a file's text: its size, JSON, its shape, then each territory's geometry. */
export function readTerritoryFile(text: string, inCountry: CountryCheck | null): TerritoryFileCheck {
  // UTF-8 bytes without allocating them: what central's body limit counts.
  if (utf8Length(text) > TERRITORY_FILE_MAX_BYTES)
    return {
      ok: false,
      problem: { code: 'territory.tooLarge', params: { maxBytes: TERRITORY_FILE_MAX_BYTES } },
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'territory.notJson', params: {} } };
  }
  return checkTerritoryFile(json, inCountry);
}

/** A parsed file: its shape (GeoJSON Polygon/MultiPolygon features naming their department), then its geometry. */
export function checkTerritoryFile(json: unknown, inCountry: CountryCheck | null): TerritoryFileCheck {
  const parsed = TerritoryImportSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    return { ok: false, problem: { code: 'territory.wrongShape', params: { path } } };
  }
  for (const feature of parsed.data.features) {
    const { departmentId } = feature.properties;
    if (ringsOf(feature.geometry).some(selfIntersects))
      return { ok: false, problem: { code: 'territory.selfIntersecting', params: { departmentId } } };
    if (inCountry && outsideShare(feature.geometry, inCountry) > OUTSIDE_COUNTRY_SHARE)
      return { ok: false, problem: { code: 'territory.outsideCountry', params: { departmentId } } };
  }
  return { ok: true, file: parsed.data };
}

type Ring = readonly (readonly number[])[];

function ringsOf(geometry: TerritoryGeometry): Ring[] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function outsideShare(geometry: TerritoryGeometry, inCountry: CountryCheck): number {
  const corners = ringsOf(geometry).flat();
  const step = Math.max(1, Math.floor(corners.length / COUNTRY_SAMPLE));
  let checked = 0;
  let outside = 0;
  for (let i = 0; i < corners.length; i += step) {
    const [lon = 0, lat = 0] = corners[i] ?? [];
    checked++;
    if (!inCountry({ lat, lon })) outside++;
  }
  return checked === 0 ? 0 : outside / checked;
}

/** Edges of a ring as [x1, y1, x2, y2], by index. */
function edge(ring: Ring, i: number): [number, number, number, number] {
  const [x1 = 0, y1 = 0] = ring[i] ?? [];
  const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
  return [x1, y1, x2, y2];
}

const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

const onSegment = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
  Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);

function segmentsCross(a: readonly number[], b: readonly number[]): boolean {
  const [ax = 0, ay = 0, bx = 0, by = 0] = a;
  const [cx = 0, cy = 0, dx = 0, dy = 0] = b;
  const o1 = orientation(ax, ay, bx, by, cx, cy);
  const o2 = orientation(ax, ay, bx, by, dx, dy);
  const o3 = orientation(cx, cy, dx, dy, ax, ay);
  const o4 = orientation(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by))
  );
}

/**
 * Whether two edges of the ring that do not follow each other touch or cross (a "bow tie"): routing by
 * such a territory would put points on the wrong side. Edges are bucketed into horizontal bands so that a
 * border of n corners costs about n·√n comparisons, not n².
 */
export function selfIntersects(given: Ring): boolean {
  // A corner repeated in a row is a zero-length edge, not a crossing: official files have them.
  const ring = given.filter((c, i) => i === 0 || c[0] !== given[i - 1]?.[0] || c[1] !== given[i - 1]?.[1]);
  const edges = ring.length - 1;
  if (edges < 3) return false;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y = 0] of ring) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const bandCount = Math.max(1, Math.ceil(Math.sqrt(edges)));
  const height = (maxY - minY) / bandCount || 1;
  const bands: number[][] = Array.from({ length: bandCount }, () => []);
  for (let i = 0; i < edges; i++) {
    const [, y1, , y2] = edge(ring, i);
    const from = Math.min(bandCount - 1, Math.floor((Math.min(y1, y2) - minY) / height));
    const to = Math.min(bandCount - 1, Math.floor((Math.max(y1, y2) - minY) / height));
    for (let b = from; b <= to; b++) bands[b]?.push(i);
  }
  for (const band of bands) {
    for (let p = 0; p < band.length; p++) {
      for (let q = p + 1; q < band.length; q++) {
        const i = band[p] ?? 0;
        const j = band[q] ?? 0;
        // Neighbouring edges share a corner, and so do the first and the last.
        if (j - i === 1 || (i === 0 && j === edges - 1)) continue;
        if (segmentsCross(edge(ring, i), edge(ring, j))) return true;
      }
    }
  }
  return false;
}
