export { IncidentMap } from './IncidentMap';
export { PlaceSearch } from './PlaceSearch';
