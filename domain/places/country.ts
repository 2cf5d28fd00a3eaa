import type { LatLon } from './geo';
import { type TerritoryGeometry, createTerritoryRouter } from './territory';

/**
 * The shipped border is simplified (resources/map/kazakhstan.geojson), so a place a few hundred metres
 * from the real border may fall just outside it: a point this close to the outline still counts as inside.
 */
export const COUNTRY_BORDER_MARGIN_DEG = 0.03;

/** Whether an incident's place lies in the Republic of Kazakhstan: cards elsewhere are refused (§8). */
export type CountryCheck = (point: LatLon) => boolean;

/** Builds the check over the country's outline (the console's offline map and central load the same file). */
export function createCountryCheck(outline: TerritoryGeometry): CountryCheck {
  const router = createTerritoryRouter([{ departmentId: 'KZ', geometry: outline }]);
  const m = COUNTRY_BORDER_MARGIN_DEG;
  const around: readonly (readonly [number, number])[] = [
    [0, 0],
    [m, 0],
    [-m, 0],
    [0, m],
    [0, -m],
    [m, m],
    [m, -m],
    [-m, m],
    [-m, -m],
  ];
  return ({ lat, lon }) =>
    around.some(([dLat, dLon]) => router.locate({ lat: lat + dLat, lon: lon + dLon }) !== null);
}
