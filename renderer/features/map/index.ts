export { IncidentMap } from './IncidentMap';
