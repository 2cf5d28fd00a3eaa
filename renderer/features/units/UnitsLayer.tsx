import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import {
  type Unit,
  type UnitPosition,
  type UnitStatus,
  isStale,
  nearestFirst,
} from '../../../domain/dispatch/unit';
import type { LatLon } from '../../../domain/places/geo';
import { can } from '../../../domain/session/roles';
import { useConsole, useConsoleStore } from '../../store';
import { type UnitDot, UnitDots } from './UnitDots';

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

const dotOf = (unit: Unit, position: UnitPosition, stale: boolean): UnitDot => ({
  lat: position.lat,
  lon: position.lon,
  colour: STATUS_COLOUR[unit.status],
  stale,
  radius: unit.kind === 'sog' ? 7 : 5,
  label: unit.callSign,
});

/** A unit that stops reporting fades on the map within this long of its position going stale. */
const STALE_SWEEP_MS = 5_000;

/**
 * The territory's units on the card's map, live (§13): one dot per unit on one canvas (UnitDots), following the
 * store outside React's render, so two thousand units moving every second cost no render and one redraw per
 * frame. The map's element carries how many are drawn and when they last moved on screen (`data-units-drawn`,
 * `data-units-moved-at`): the e2e test and the map bench read them.
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
      for (const { unit } of nearest)
        if (unit.position) bounds.extend([unit.position.lat, unit.position.lon]);
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
    const container = map.getContainer();
    let moved = false;
    const dots = new UnitDots(UNITS_PANE, () => {
      container.dataset.unitsDrawn = String(dots.size);
      if (moved) container.dataset.unitsMovedAt = String(Date.now());
      moved = false;
    });
    const shown = new Map<string, Unit>();

    const follow = (units: Record<string, Unit>) => {
      const now = Date.now();
      for (const id of [...shown.keys()])
        if (!units[id]?.position) {
          shown.delete(id);
          dots.delete(id);
        }
      for (const unit of Object.values(units)) {
        if (shown.get(unit.id) === unit || !unit.position) continue;
        shown.set(unit.id, unit);
        dots.set(unit.id, dotOf(unit, unit.position, isStale(unit, now)));
        moved = true;
      }
    };
    const fade = () => {
      const now = Date.now();
      for (const [id, unit] of shown) {
        const stale = isStale(unit, now);
        const dot = dots.get(id);
        if (dot && unit.position && dot.stale !== stale) dots.set(id, dotOf(unit, unit.position, stale));
      }
    };

    dots.addTo(map);
    follow(store.getState().units);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.units !== previous.units) follow(state.units);
    });
    const sweep = setInterval(fade, STALE_SWEEP_MS);
    return () => {
      unsubscribe();
      clearInterval(sweep);
      dots.remove();
    };
  }, [map, store]);
  return null;
}
