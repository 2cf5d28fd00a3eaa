import { createCountryCheck, type CountryCheck } from '../../../domain/places/country';
import { TerritoryGeometrySchema } from '../../../domain/places/territory';
import { loadBaseLayer } from '../map';

/** The country check over the outline the map already loads (the same file central checks against). */
export async function loadCountryCheck(): Promise<CountryCheck> {
  const base = await loadBaseLayer();
  return createCountryCheck(TerritoryGeometrySchema.parse(base.country.features[0]?.geometry));
}
