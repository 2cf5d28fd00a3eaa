import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type CountryCheck, createCountryCheck } from '../../domain/places/country';
import { TerritoryGeometrySchema } from '../../domain/places/territory';

/** The outline the console's offline map draws too (resources/map/README.md: Natural Earth, public domain). */
export const COUNTRY_OUTLINE_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../resources/map/kazakhstan.geojson',
);

const OutlineFileSchema = z.object({
  features: z.array(z.object({ geometry: TerritoryGeometrySchema })).length(1),
});

/** Reads the country's outline once, at start; central does not run without it. */
export function loadCountryCheck(file: string = COUNTRY_OUTLINE_FILE): CountryCheck {
  const outline = OutlineFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const [feature] = outline.features;
  if (!feature) throw new Error(`${file} holds no outline`);
  return createCountryCheck(feature.geometry);
}
