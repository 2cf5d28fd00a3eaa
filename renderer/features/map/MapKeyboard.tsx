import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import type { LatLon } from '../../../domain/places/geo';
import { INCIDENT_MAP_ID } from './ids';

/** One arrow press moves the place by this share of the visible map; with Shift, five times as far. */
const STEP_SHARE = 1 / 100;

export interface MapKeyboardProps {
  picked: LatLon | null;
  /** A place moved with the arrows but not yet set (Enter) or dropped (Esc). */
  pending: LatLon | null;
  onMove: (point: LatLon | null) => void;
  onPick: (point: LatLon) => void;
}

/**
 * The map from the keyboard (Alt+M focuses it): arrows move the incident's place (from the map's centre
 * when it has none), Enter sets it, Esc puts it back, + and − zoom. Leaflet's own arrow panning is off
 * (IncidentMap), so an arrow never does two things; leaving the map drops a move that was not set.
 */
export function MapKeyboard({ picked, pending, onMove, onPick }: MapKeyboardProps) {
  const { t } = useTranslation('map');
  const map = useMap();
  const latest = useRef({ picked, pending, onMove, onPick });
  latest.current = { picked, pending, onMove, onPick };

  useEffect(() => {
    const container = map.getContainer();
    container.id = INCIDENT_MAP_ID;
    container.tabIndex = 0;
    container.setAttribute('role', 'application');
    container.setAttribute('aria-roledescription', t('label'));
    container.setAttribute('aria-label', t('keyboard.label'));
  }, [map, t]);

  useEffect(() => {
    const container = map.getContainer();
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const { picked: set, pending: moving, onMove: move, onPick: pick } = latest.current;
      const bounds = map.getBounds();
      const factor = event.shiftKey ? 5 * STEP_SHARE : STEP_SHARE;
      const dLat = (bounds.getNorth() - bounds.getSouth()) * factor;
      const dLon = (bounds.getEast() - bounds.getWest()) * factor;
      const deltas: Record<string, [number, number]> = {
        ArrowUp: [dLat, 0],
        ArrowDown: [-dLat, 0],
        ArrowLeft: [0, -dLon],
        ArrowRight: [0, dLon],
      };
      const delta = deltas[event.key];
      if (delta) {
        const centre = map.getCenter();
        const from = moving ?? set ?? { lat: centre.lat, lon: centre.lng };
        const next = { lat: from.lat + delta[0], lon: from.lon + delta[1] };
        move(next);
        if (!bounds.contains([next.lat, next.lon])) map.panTo([next.lat, next.lon]);
      } else if (event.key === 'Enter' && moving) {
        pick(moving);
        move(null);
      } else if (event.key === 'Escape' && moving) {
        move(null);
      } else if (event.key === '+' || event.key === '=') {
        map.zoomIn();
      } else if (event.key === '-') {
        map.zoomOut();
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    const onBlur = () => latest.current.onMove(null);
    container.addEventListener('keydown', onKey);
    container.addEventListener('blur', onBlur);
    return () => {
      container.removeEventListener('keydown', onKey);
      container.removeEventListener('blur', onBlur);
    };
  }, [map]);

  // A place set by name or by typed coordinates comes into view.
  useEffect(() => {
    if (picked && !map.getBounds().contains([picked.lat, picked.lon])) map.panTo([picked.lat, picked.lon]);
  }, [map, picked]);
  return null;
}
