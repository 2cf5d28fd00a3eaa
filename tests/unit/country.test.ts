import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCountryCheck } from '../../domain/places/country';
import { TerritoryGeometrySchema } from '../../domain/places/territory';

const file = JSON.parse(
  readFileSync(new URL('../../resources/map/kazakhstan.geojson', import.meta.url), 'utf8'),
) as {
  features: { geometry: unknown }[];
};
const inKazakhstan = createCountryCheck(TerritoryGeometrySchema.parse(file.features[0]?.geometry));

describe('the country check (a card outside Kazakhstan is refused, §8)', () => {
  it.each([
    ['Astana', 51.1801, 71.446],
    ['Almaty', 43.2567, 76.9286],
    ['Aktau, on the Caspian shore', 43.65, 51.16],
    ['Ust-Kamenogorsk', 49.95, 82.61],
  ])('takes %s', (_, lat, lon) => expect(inKazakhstan({ lat, lon })).toBe(true));

  it.each([
    ['0/0', 0, 0],
    ['London', 51.5074, -0.1278],
    ['Tashkent', 41.3111, 69.2797],
    ['Bishkek', 42.8746, 74.5698],
    ['Omsk', 54.9885, 73.3242],
    ['Urumqi', 43.8256, 87.6168],
  ])('refuses %s', (_, lat, lon) => expect(inKazakhstan({ lat, lon })).toBe(false));
});
