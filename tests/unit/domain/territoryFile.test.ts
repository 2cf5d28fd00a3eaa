import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCountryCheck } from '../../../domain/places/country';
import { TerritoryGeometrySchema } from '../../../domain/places/territory';
import {
  readTerritoryFile,
  selfIntersects,
  TERRITORY_FILE_MAX_BYTES,
} from '../../../domain/places/territoryFile';

const outline = JSON.parse(
  readFileSync(new URL('../../../resources/map/kazakhstan.geojson', import.meta.url), 'utf8'),
) as { features: { geometry: unknown }[] };
const inCountry = createCountryCheck(TerritoryGeometrySchema.parse(outline.features[0]?.geometry));

const square = (lon: number, lat: number, d = 0.05) => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];
const fileOf = (ring: unknown, type = 'Polygon') =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { departmentId: 'kz-almaty-medeu' },
        geometry: { type, coordinates: [ring] },
      },
    ],
  });

describe("the admin's territory file, checked before the preview and again on central (§8, §28)", () => {
  it.each([
    { what: 'a good square in Almaty', text: fileOf(square(76.95, 43.15)), problem: null },
    { what: 'text that is not JSON', text: '{"type": "FeatureCollection",', problem: 'territory.notJson' },
    {
      what: 'a point instead of a polygon',
      text: fileOf([76.9, 43.2], 'Point'),
      problem: 'territory.wrongShape',
    },
    { what: 'an open ring', text: fileOf(square(76.95, 43.15).slice(0, 4)), problem: 'territory.wrongShape' },
    {
      what: 'a bow tie',
      text: fileOf([
        [76.9, 43.2],
        [77.0, 43.3],
        [77.0, 43.2],
        [76.9, 43.3],
        [76.9, 43.2],
      ]),
      problem: 'territory.selfIntersecting',
    },
    {
      what: 'latitude and longitude swapped',
      text: fileOf(square(43.15, 76.95)),
      problem: 'territory.outsideCountry',
    },
    { what: 'a square in Paris', text: fileOf(square(2.3, 48.8)), problem: 'territory.outsideCountry' },
    { what: 'too many bytes', text: ' '.repeat(TERRITORY_FILE_MAX_BYTES + 1), problem: 'territory.tooLarge' },
  ])('$what: $problem', ({ text, problem }) => {
    const checked = readTerritoryFile(text, inCountry);
    expect(checked.ok ? null : checked.problem.code).toBe(problem);
  });

  it('takes a corner repeated in a row for what it is, not a crossing', () => {
    const ring = square(76.95, 43.15);
    expect(selfIntersects([ring[0] ?? [], ...ring])).toBe(false);
  });

  it('finds a crossing in a detailed border quickly (banded, not every pair)', () => {
    const n = 5_000;
    const circle = Array.from({ length: n }, (_, i) => [
      77 + 0.1 * Math.cos((2 * Math.PI * i) / n),
      43 + 0.1 * Math.sin((2 * Math.PI * i) / n),
    ]);
    expect(selfIntersects([...circle, circle[0] ?? []])).toBe(false);
    // One corner pulled across the circle makes its two edges cross the far side.
    const crossed = circle.map((c, i) => (i === 100 ? [77 - 0.2, 43] : c));
    expect(selfIntersects([...crossed, crossed[0] ?? []])).toBe(true);
  });
});
