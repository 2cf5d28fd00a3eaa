import 'leaflet/dist/leaflet.css';
import { useEffect, useState } from 'react';
import type { PathOptions } from 'leaflet';
import { GeoJSON, MapContainer, Pane } from 'react-leaflet';
import type { Territory } from '../../../domain/places/territory';
import { useConsole } from '../../store';
import { type BaseLayer, loadBaseLayer } from './baseLayer';
import { MAP_PALETTES } from './palette';
import { TerritoryLayer } from './TerritoryLayer';

// A new file gets a new map (TerritoriesTab keys it), so the view opens on that file.

/**
 * The file's outlines stand out from everything else on the map: thicker than an account's territory, filled,
 * in a colour the base map does not use, so the admin sees exactly what is about to be imported.
 */
const PREVIEW_STYLE: Record<keyof typeof MAP_PALETTES, PathOptions> = {
  dark: { color: '#fbbf24', weight: 3, fillColor: '#fbbf24', fillOpacity: 0.25 },
  light: { color: '#c2410c', weight: 3, fillColor: '#f97316', fillOpacity: 0.2 },
};
/** Above the base map's canvas (overlayPane, 400), which is drawn after the outlines once it has loaded. */
const PREVIEW_PANE_Z = 450;

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
  const theme = useConsole((s) => s.theme);
  const palette = MAP_PALETTES[theme];
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
        <Pane name="territory-preview" style={{ zIndex: PREVIEW_PANE_Z }}>
          <TerritoryLayer
            territories={territories}
            style={PREVIEW_STYLE[theme]}
            fitRequest={String(territories.length)}
          />
        </Pane>
      </MapContainer>
    </section>
  );
}
