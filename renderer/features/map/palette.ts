import type { PathOptions } from 'leaflet';
import type { Theme } from '../../shell/slice';

/** The map draws on a canvas (fast with many markers), so its colours come from here, not from CSS. */
export interface MapPalette {
  background: string;
  country: PathOptions;
  region: PathOptions;
  neighbour: PathOptions;
  city: PathOptions;
  incident: PathOptions;
}

export const MAP_PALETTES: Record<Theme, MapPalette> = {
  dark: {
    background: '#0b1016',
    country: { color: '#9fb3c8', weight: 1.5, fillColor: '#1f2a36', fillOpacity: 1 },
    region: { color: '#4a5d74', weight: 1, dashArray: '4 3', fill: false },
    neighbour: { color: '#2a3645', weight: 1, fillColor: '#161d26', fillOpacity: 1 },
    city: { color: '#e6edf3', weight: 0, fillColor: '#e6edf3', fillOpacity: 0.8 },
    incident: { color: '#ffffff', weight: 2, fillColor: '#f05252', fillOpacity: 0.95 },
  },
  light: {
    background: '#d7e6f2',
    country: { color: '#4b5563', weight: 1.5, fillColor: '#f7f3ea', fillOpacity: 1 },
    region: { color: '#9aa5b4', weight: 1, dashArray: '4 3', fill: false },
    neighbour: { color: '#c3cad4', weight: 1, fillColor: '#eceef1', fillOpacity: 1 },
    city: { color: '#111827', weight: 0, fillColor: '#111827', fillOpacity: 0.75 },
    incident: { color: '#ffffff', weight: 2, fillColor: '#b91c1c', fillOpacity: 0.95 },
  },
};
