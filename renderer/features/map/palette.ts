import type { PathOptions } from 'leaflet';
import type { Theme } from '../../shell/slice';

/**
 * The map draws on a canvas (fast with many markers), so its colours come from here, not from CSS.
 * Neighbours are outlines on a plain background: their data is clipped to a box, whose edges must not show.
 */
export interface MapPalette {
  background: string;
  country: PathOptions;
  region: PathOptions;
  /**
   * The signed-in account's own territory, over the approximate regions. No fill in the light theme: any
   * tint of the cream country turns it the grey of the land outside it.
   */
  territory: PathOptions;
  neighbour: PathOptions;
  city: PathOptions;
  incident: PathOptions;
}

export const MAP_PALETTES: Record<Theme, MapPalette> = {
  dark: {
    background: '#121922',
    country: { color: '#9fb3c8', weight: 1.5, fillColor: '#1f2a36', fillOpacity: 1 },
    region: { color: '#4a5d74', weight: 1, dashArray: '4 3', fill: false },
    territory: { color: '#3b82f6', weight: 2, fillColor: '#3b82f6', fillOpacity: 0.08 },
    neighbour: { color: '#3a4656', weight: 1, fill: false },
    city: { color: '#e6edf3', weight: 0, fillColor: '#e6edf3', fillOpacity: 0.8 },
    incident: { color: '#ffffff', weight: 2, fillColor: '#f05252', fillOpacity: 0.95 },
  },
  light: {
    background: '#e4e7eb',
    country: { color: '#4b5563', weight: 1.5, fillColor: '#f7f3ea', fillOpacity: 1 },
    region: { color: '#9aa5b4', weight: 1, dashArray: '4 3', fill: false },
    territory: { color: '#1d4ed8', weight: 2, fill: false },
    neighbour: { color: '#b8c0cc', weight: 1, fill: false },
    city: { color: '#111827', weight: 0, fillColor: '#111827', fillOpacity: 0.75 },
    incident: { color: '#ffffff', weight: 2, fillColor: '#b91c1c', fillOpacity: 0.95 },
  },
};
