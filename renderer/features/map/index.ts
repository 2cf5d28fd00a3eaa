export { IncidentMap } from './IncidentMap';
export { PlaceSearch } from './PlaceSearch';
export { loadBaseLayer } from './baseLayer';
