import type { FeatureCollection } from 'geojson';
import type { LatLngBoundsExpression, PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';
import type { Territory } from '../../../domain/places/territory';

/** South-west and north-east corners of the outlines, or null when there are none. */
function boundsOf(territories: readonly Territory[]): LatLngBoundsExpression | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const { geometry } of territories) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const [lon, lat] of polygons.flatMap((polygon) => polygon[0] ?? [])) {
      south = Math.min(south, lat);
      north = Math.max(north, lat);
      west = Math.min(west, lon);
      east = Math.max(east, lon);
    }
  }
  return Number.isFinite(south)
    ? [
        [south, west],
        [north, east],
      ]
    : null;
}

/** Leaflet's GeoJSON layer reads its data once: a new copy of the outlines needs a new layer. */
const layerIds = new WeakMap<readonly Territory[], number>();
let nextLayerId = 0;
function layerId(territories: readonly Territory[]): number {
  let id = layerIds.get(territories);
  if (id === undefined) {
    id = ++nextLayerId;
    layerIds.set(territories, id);
  }
  return id;
}

export interface TerritoryLayerProps {
  territories: readonly Territory[];
  style: PathOptions;
  /** Brings the territory into view once per value: the parent changes it per account and per button press. */
  fitRequest: string;
}

/** The account's territory from the offline copy, so the operator sees at a glance where their area ends. */
export function TerritoryLayer({ territories, style, fitRequest }: TerritoryLayerProps) {
  const map = useMap();
  const outline = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: territories.map((t) => ({
        type: 'Feature',
        properties: { departmentId: t.departmentId },
        geometry: t.geometry,
      })),
    }),
    [territories],
  );
  const bounds = useMemo(() => boundsOf(territories), [territories]);
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    // Before layout the map has no size to fit into; a new copy of the same outline does not move the view.
    if (!bounds || fitted.current === fitRequest || map.getSize().x === 0) return;
    fitted.current = fitRequest;
    map.fitBounds(bounds, { padding: [24, 24] });
  }, [map, bounds, fitRequest]);
  return <GeoJSON key={layerId(territories)} data={outline} style={style} interactive={false} />;
}
