import 'leaflet/dist/leaflet.css';
import { useEffect, useState } from 'react';
import { GeoJSON, MapContainer } from 'react-leaflet';
import type { Territory } from '../../../domain/places/territory';
import { useConsole } from '../../store';
import { type BaseLayer, loadBaseLayer } from './baseLayer';
import { MAP_PALETTES } from './palette';
import { TerritoryLayer } from './TerritoryLayer';

// A new file gets a new map (TerritoriesTab keys it), so the view opens on that file.

type Box = [[number, number], [number, number]];

/** The file's outlines with a margin around them: the map opens on them, whatever its size at that moment. */
function boxOf(territories: readonly Territory[]): Box {
  const corners = territories.flatMap(({ geometry }) =>
    (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flatMap((p) => p[0] ?? []),
  );
  const lats = corners.map(([, lat = 0]) => lat);
  const lons = corners.map(([lon = 0]) => lon);
  const pad = 0.02;
  return [
    [Math.min(...lats) - pad, Math.min(...lons) - pad],
    [Math.max(...lats) + pad, Math.max(...lons) + pad],
  ];
}

/** The admin's look at a territory file before it is imported (§28): the country, and the file's outlines on it. */
export function TerritoryPreviewMap({
  territories,
  label,
}: {
  territories: readonly Territory[];
  label: string;
}) {
  const palette = MAP_PALETTES[useConsole((s) => s.theme)];
  const [base, setBase] = useState<BaseLayer | null>(null);
  useEffect(() => {
    let live = true;
    void loadBaseLayer().then((layer) => live && setBase(layer));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="panel map-panel admin-preview-map" aria-label={label} data-testid="territory-preview">
      <MapContainer bounds={boxOf(territories)} zoomSnap={0.25} preferCanvas className="map" keyboard={false}>
        {base && <GeoJSON data={base.country} style={palette.country} interactive={false} />}
        {base && <GeoJSON data={base.regions} style={palette.region} interactive={false} />}
        <TerritoryLayer
          territories={territories}
          style={palette.territory}
          fitRequest={String(territories.length)}
        />
      </MapContainer>
    </section>
  );
}
