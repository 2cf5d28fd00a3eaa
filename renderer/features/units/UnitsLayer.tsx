import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { type Unit, type UnitStatus, isStale, nearestFirst } from '../../../domain/dispatch/unit';
import type { LatLon } from '../../../domain/places/geo';
import { can } from '../../../domain/session/roles';
import { useConsole, useConsoleStore } from '../../store';

/** A unit's colour by status (the canvas draws it, so it is not CSS); a stale position is drawn faded. */
const STATUS_COLOUR: Record<UnitStatus, string> = {
  free: '#16a34a',
  enRoute: '#2563eb',
  onScene: '#d97706',
  busy: '#9333ea',
  offDuty: '#6b7280',
};

/** How many of the nearest units the map fits around the incident when a dispatcher opens a card. */
const NEAREST_IN_VIEW = 5;
const UNITS_PANE = 'units';

const styleOf = (unit: Unit, stale: boolean): L.CircleMarkerOptions => ({
  radius: unit.kind === 'sog' ? 7 : 5,
  color: '#ffffff',
  weight: 1,
  fillColor: STATUS_COLOUR[unit.status],
  fillOpacity: stale ? 0.35 : 0.95,
  dashArray: stale ? '2 2' : undefined,
});

/** A unit that stops reporting fades on the map within this long of its position going stale. */
const STALE_SWEEP_MS = 5_000;

interface Held {
  marker: L.CircleMarker;
  unit: Unit;
  stale: boolean;
}

/**
 * The territory's units on the card's map, live (§13): one canvas circle per unit, kept in a pool and moved in
 * place when a position arrives (nothing is re-created, its style set only when its status or staleness
 * changes). The markers follow the store outside React's render: two thousand units moving every second cost
 * no render at all. The map's element carries how many are drawn and when they last moved
 * (`data-units-drawn`, `data-units-moved-at`): the e2e test and the map bench read them.
 */
export function UnitsLayer({ around }: { around: LatLon | null }) {
  const map = useMap();
  const store = useConsoleStore();
  const dispatcher = useConsole((s) => (s.session ? can(s.session.role, 'units.dispatch') : false));
  const fitted = useRef<string | null>(null);

  // A dispatcher's card opens on the incident with its nearest units around it (§13), once per place — as soon
  // as the units are known, which may be after the card opens.
  useEffect(() => {
    if (!dispatcher || !around) return;
    const key = `${around.lat},${around.lon}`;
    const fit = (units: Record<string, Unit>) => {
      if (fitted.current === key) return true;
      const nearest = nearestFirst(Object.values(units), around)
        .filter((n) => n.km !== null && n.km < 30)
        .slice(0, NEAREST_IN_VIEW);
      if (nearest.length === 0) return false;
      fitted.current = key;
      const bounds = L.latLngBounds([[around.lat, around.lon]]);
      for (const { unit } of nearest) if (unit.position) bounds.extend([unit.position.lat, unit.position.lon]);
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
      return true;
    };
    if (fit(store.getState().units)) return;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.units !== previous.units && fit(state.units)) unsubscribe();
    });
    return unsubscribe;
  }, [around, dispatcher, map, store]);

  useEffect(() => {
    // Their own pane above the outlines: the base map's canvas (the country's opaque fill) may be added after
    // this one, and would otherwise cover every unit.
    const pane = map.getPane(UNITS_PANE) ?? map.createPane(UNITS_PANE);
    pane.style.zIndex = '550';
    const renderer = L.canvas({ padding: 0.3, pane: UNITS_PANE });
    const markers = new Map<string, Held>();
    const container = map.getContainer();

    const draw = (units: Record<string, Unit>) => {
      const now = Date.now();
      let moved = false;
      for (const [id, held] of markers)
        if (!units[id]?.position) {
          held.marker.remove();
          markers.delete(id);
        }
      for (const unit of Object.values(units)) {
        const held = markers.get(unit.id);
        if (held?.unit === unit || !unit.position) continue;
        const stale = isStale(unit, now);
        if (!held) {
          const marker = L.circleMarker([unit.position.lat, unit.position.lon], {
            ...styleOf(unit, stale),
            renderer,
            pane: UNITS_PANE,
          });
          marker.bindTooltip(unit.callSign);
          marker.addTo(map);
          markers.set(unit.id, { marker, unit, stale });
          moved = true;
          continue;
        }
        if (held.unit.position?.lat !== unit.position.lat || held.unit.position?.lon !== unit.position.lon) {
          held.marker.setLatLng([unit.position.lat, unit.position.lon]);
          moved = true;
        }
        if (held.unit.status !== unit.status || held.stale !== stale) held.marker.setStyle(styleOf(unit, stale));
        held.unit = unit;
        held.stale = stale;
      }
      container.dataset.unitsDrawn = String(markers.size);
      if (moved) container.dataset.unitsMovedAt = String(Date.now());
    };
    const fade = () => {
      const now = Date.now();
      for (const held of markers.values()) {
        const stale = isStale(held.unit, now);
        if (stale !== held.stale) {
          held.stale = stale;
          held.marker.setStyle(styleOf(held.unit, stale));
        }
      }
    };

    draw(store.getState().units);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.units !== previous.units) draw(state.units);
    });
    const sweep = setInterval(fade, STALE_SWEEP_MS);
    return () => {
      unsubscribe();
      clearInterval(sweep);
      for (const { marker } of markers.values()) marker.remove();
    };
  }, [map, store]);
  return null;
}
