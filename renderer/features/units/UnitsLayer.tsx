import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { UNIT_LIMITS, type Unit, type UnitStatus, nearestFirst } from '../../../domain/dispatch/unit';
import type { LatLon } from '../../../domain/places/geo';
import { can } from '../../../domain/session/roles';
import { useConsole } from '../../store';

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

const styleOf = (unit: Unit, now: number): L.CircleMarkerOptions => {
  const stale = !unit.position || now - Date.parse(unit.position.at) > UNIT_LIMITS.staleAfterMs;
  return {
    radius: unit.kind === 'sog' ? 7 : 5,
    color: '#ffffff',
    weight: 1,
    fillColor: STATUS_COLOUR[unit.status],
    fillOpacity: stale ? 0.35 : 0.95,
    dashArray: stale ? '2 2' : undefined,
  };
};

/**
 * The territory's units on the card's map, live (§13): one canvas circle per unit, kept in a pool and moved in
 * place when a position arrives (nothing is re-created), so two thousand units moving every second stay smooth.
 * The map's element carries how many are drawn and when they last moved (`data-units-drawn`,
 * `data-units-moved-at`): the e2e test and the map bench read them.
 */
export function UnitsLayer({ around }: { around: LatLon | null }) {
  const map = useMap();
  const units = useConsole((s) => s.units);
  const dispatcher = useConsole((s) => (s.session ? can(s.session.role, 'units.dispatch') : false));
  const fitted = useRef<string | null>(null);

  // A dispatcher's card opens on the incident with its nearest units around it (§13), once per place.
  useEffect(() => {
    if (!dispatcher || !around) return;
    const key = `${around.lat},${around.lon}`;
    const nearest = nearestFirst(Object.values(units), around)
      .filter((n) => n.km !== null && n.km < 30)
      .slice(0, NEAREST_IN_VIEW);
    if (fitted.current === key || nearest.length === 0) return;
    fitted.current = key;
    const bounds = L.latLngBounds([[around.lat, around.lon]]);
    for (const { unit } of nearest) if (unit.position) bounds.extend([unit.position.lat, unit.position.lon]);
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
  }, [around, dispatcher, map, units]);
  // Their own pane above the outlines: the base map's canvas (the country's opaque fill) may be added after
  // this one, and would otherwise cover every unit.
  const renderer = useMemo(() => {
    const pane = map.getPane(UNITS_PANE) ?? map.createPane(UNITS_PANE);
    pane.style.zIndex = '550';
    return L.canvas({ padding: 0.3, pane: UNITS_PANE });
  }, [map]);
  const pool = useRef(new Map<string, { marker: L.CircleMarker; unit: Unit }>());

  useEffect(() => {
    const now = Date.now();
    const markers = pool.current;
    let moved = false;
    for (const unit of Object.values(units)) {
      const held = markers.get(unit.id);
      if (!unit.position) {
        if (held) {
          held.marker.remove();
          markers.delete(unit.id);
        }
        continue;
      }
      if (!held) {
        const marker = L.circleMarker([unit.position.lat, unit.position.lon], {
          ...styleOf(unit, now),
          renderer,
          pane: UNITS_PANE,
        });
        marker.bindTooltip(unit.callSign);
        marker.addTo(map);
        markers.set(unit.id, { marker, unit });
        moved = true;
        continue;
      }
      if (held.unit === unit) continue;
      if (held.unit.position?.lat !== unit.position.lat || held.unit.position?.lon !== unit.position.lon) {
        held.marker.setLatLng([unit.position.lat, unit.position.lon]);
        moved = true;
      }
      if (held.unit.status !== unit.status || held.unit.position?.at !== unit.position.at)
        held.marker.setStyle(styleOf(unit, now));
      held.unit = unit;
    }
    const container = map.getContainer();
    container.dataset.unitsDrawn = String(markers.size);
    if (moved) container.dataset.unitsMovedAt = String(Date.now());
  }, [map, renderer, units]);

  useEffect(
    () => () => {
      for (const { marker } of pool.current.values()) marker.remove();
      pool.current.clear();
    },
    [],
  );
  return null;
}
