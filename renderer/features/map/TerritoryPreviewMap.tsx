import 'leaflet/dist/leaflet.css';
import { useEffect, useState } from 'react';
import { GeoJSON, MapContainer } from 'react-leaflet';
import type { Territory } from '../../../domain/places/territory';
import { useConsole } from '../../store';
import { type BaseLayer, loadBaseLayer } from './baseLayer';
import { MAP_PALETTES } from './palette';
import { TerritoryLayer } from './TerritoryLayer';

const KAZAKHSTAN_BOUNDS: [[number, number], [number, number]] = [
  [40.3, 46.3],
  [55.6, 87.5],
];

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
      <MapContainer bounds={KAZAKHSTAN_BOUNDS} zoomSnap={0.25} preferCanvas className="map" keyboard={false}>
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
