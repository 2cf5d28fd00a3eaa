/** Element ids the keyboard commands (commands/registry.ts) focus. */
export const INCIDENT_MAP_ID = 'incident-map-keys';
export const PLACE_SEARCH_ID = 'place-search';
