import type { FeatureCollection } from 'geojson';
import citiesUrl from '../../../resources/map/cities.json?url';
import countryUrl from '../../../resources/map/kazakhstan.geojson?url';
import neighboursUrl from '../../../resources/map/neighbours.geojson?url';
import regionsUrl from '../../../resources/map/regions.approx.geojson?url';

export interface City {
  id: number;
  /** GeoNames' Latin name, for English. */
  name: string;
  nameKk: string;
  nameRu: string;
  lat: number;
  lon: number;
  population: number;
}

/** The offline base map shipped in resources/map (Natural Earth outlines, GeoNames cities, approximate regions). */
export interface BaseLayer {
  country: FeatureCollection;
  neighbours: FeatureCollection;
  regions: FeatureCollection;
  cities: City[];
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

let loading: Promise<BaseLayer> | null = null;

/** Loaded once per window; the files are part of the app, so they never need the network. */
export function loadBaseLayer(): Promise<BaseLayer> {
  loading ??= Promise.all([
    fetchJson<FeatureCollection>(countryUrl),
    fetchJson<FeatureCollection>(neighboursUrl),
    fetchJson<FeatureCollection>(regionsUrl),
    fetchJson<City[]>(citiesUrl),
  ]).then(([country, neighbours, regions, cities]) => ({ country, neighbours, regions, cities }));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** A city's label in the operator's language. */
export function cityLabel(city: City, language: string): string {
  if (language === 'kk') return city.nameKk;
  if (language === 'ru') return city.nameRu;
  return city.name;
}
