import { lazy } from 'react';

/** Leaflet and the map's layers load beside the first screen, not before it: the cards list shows first (bench/startup). */
export const IncidentMap = lazy(() =>
  import('./IncidentMap').then((module) => ({ default: module.IncidentMap })),
);
export { PlaceSearch } from './PlaceSearch';
export { loadBaseLayer } from './baseLayer';
/** The admin's preview of a territory file, loaded when the admin opens one. */
export const TerritoryPreviewMap = lazy(() =>
  import('./TerritoryPreviewMap').then((module) => ({ default: module.TerritoryPreviewMap })),
);
