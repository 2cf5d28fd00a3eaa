import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { UNIT_LIMITS, type Unit, type UnitStatus } from '../../../domain/dispatch/unit';
import { useConsole } from '../../store';

/** A unit's colour by status (the canvas draws it, so it is not CSS); a stale position is drawn faded. */
const STATUS_COLOUR: Record<UnitStatus, string> = {
  free: '#16a34a',
  enRoute: '#2563eb',
  onScene: '#d97706',
  busy: '#9333ea',
  offDuty: '#6b7280',
};

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
export function UnitsLayer() {
  const map = useMap();
  const units = useConsole((s) => s.units);
  const renderer = useMemo(() => L.canvas({ padding: 0.3 }), []);
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
          pane: 'markerPane',
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
