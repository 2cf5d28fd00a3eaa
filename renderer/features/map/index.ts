export { IncidentMap } from './IncidentMap';
export { loadBaseLayer } from './baseLayer';
