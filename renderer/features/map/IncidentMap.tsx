import 'leaflet/dist/leaflet.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { LatLon } from '../../../domain/places/geo';
import { useConsole } from '../../store';
import { departmentName, selectOwnDepartment } from '../reference';
import { type BaseLayer, cityLabel, loadBaseLayer } from './baseLayer';
import { MAP_PALETTES } from './palette';
import { MapKeyboard } from './MapKeyboard';
import { TerritoryLayer } from './TerritoryLayer';
import { UnitsLayer } from '../units/UnitsLayer';

/** Kazakhstan with a little of its neighbours around it. */
const KAZAKHSTAN_BOUNDS: [[number, number], [number, number]] = [
  [40.3, 46.3],
  [55.6, 87.5],
];

/** The offline data covers this box (neighbours are clipped to it); the view never leaves it. */
const DATA_EXTENT: [[number, number], [number, number]] = [
  [35, 40],
  [60, 95],
];

function KeepInsideData() {
  const map = useMap();
  useEffect(() => {
    const limit = () => {
      const zoom = map.getBoundsZoom(DATA_EXTENT, true);
      // Before layout the map has no size and no meaningful zoom.
      if (Number.isFinite(zoom) && map.getSize().x > 0) map.setMinZoom(Math.min(zoom, map.getZoom()));
    };
    limit();
    map.on('resize', limit);
    return () => {
      map.off('resize', limit);
    };
  }, [map]);
  return null;
}

/**
 * The map's box changes with the layout (the chat opens beneath it): Leaflet is told of the new size, and
 * the incident's place stays in view.
 */
function FollowContainerSize({ picked }: { picked: LatLon | null }) {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      map.invalidateSize();
      if (picked && !map.getBounds().contains([picked.lat, picked.lon])) map.panTo([picked.lat, picked.lon]);
    });
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map, picked]);
  return null;
}

/**
 * The offline data's credit in the corner, in the operator's language. Leaflet reads a layer's attribution
 * once, when the layer is added, so the credit is kept here and swapped when the language changes.
 */
function Credit({ text }: { text: string }) {
  const map = useMap();
  useEffect(() => {
    map.attributionControl?.addAttribution(text);
    return () => {
      map.attributionControl?.removeAttribution(text);
    };
  }, [map, text]);
  return null;
}

function ClickToPick({ onPick }: { onPick: (point: LatLon) => void }) {
  useMapEvents({ click: (event) => onPick({ lat: event.latlng.lat, lon: event.latlng.lng }) });
  return null;
}

export interface IncidentMapProps {
  picked: LatLon | null;
  onPick: (point: LatLon) => void;
}

/** Kazakhstan from offline data, an internal tile server on top when configured, and the incident's place. */
export function IncidentMap({ picked, onPick }: IncidentMapProps) {
  const { t, i18n } = useTranslation('map');
  const tileUrl = useConsole((s) => s.appInfo?.tileUrl ?? null);
  const palette = MAP_PALETTES[useConsole((s) => s.theme)];
  // A national account's territory is the whole country: outlining it all would only hide the regions.
  const ownDepartment = useConsole(selectOwnDepartment);
  const territories = useConsole((s) => s.territories);
  const [fits, setFits] = useState(0);
  const showTerritory = ownDepartment !== null && territories.length > 0;
  const [base, setBase] = useState<BaseLayer | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState<LatLon | null>(null);
  const shown = pending ?? picked;
  useEffect(() => {
    let live = true;
    loadBaseLayer().then(
      (layer) => live && setBase(layer),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="panel map-panel" aria-label={t('label')} data-testid="incident-map">
      <MapContainer
        bounds={KAZAKHSTAN_BOUNDS}
        maxBounds={DATA_EXTENT}
        maxBoundsViscosity={1}
        zoomSnap={0.25}
        preferCanvas
        // Arrows move the incident's place (MapKeyboard), not the view.
        keyboard={false}
        className="map"
        style={{ background: palette.background }}
        attributionControl
      >
        {tileUrl && <TileLayer url={tileUrl} attribution="© OpenStreetMap contributors" />}
        {base && (
          <>
            <GeoJSON
              data={base.neighbours}
              // A neighbour clipped to the data box (Russia) gets no outline: the box's edges are not borders.
              style={(feature) => ({ ...palette.neighbour, stroke: !feature?.properties?.clippedToBbox })}
              interactive={false}
            />
            <GeoJSON data={base.country} style={palette.country} interactive={false} />
            <Credit text={t('attribution')} />
            <GeoJSON data={base.regions} style={palette.region} interactive={false} />
            {showTerritory && (
              <TerritoryLayer
                territories={territories}
                style={palette.territory}
                fitRequest={`${ownDepartment.id}:${fits}`}
              />
            )}
            {base.cities.map((city) => (
              <CircleMarker
                key={city.id}
                center={[city.lat, city.lon]}
                radius={city.population > 500_000 ? 5 : 3}
                pathOptions={palette.city}
                interactive={false}
              >
                {city.population > 300_000 && (
                  <Tooltip permanent direction="right" className="map-city-label">
                    {cityLabel(city, i18n.language)}
                  </Tooltip>
                )}
              </CircleMarker>
            ))}
          </>
        )}
        {shown && (
          // Its own pane keeps the incident above the outlines, whichever layer Leaflet adds last.
          <CircleMarker
            center={[shown.lat, shown.lon]}
            radius={9}
            // A place moved with the arrows but not yet set is drawn dashed.
            pathOptions={pending ? { ...palette.incident, dashArray: '4 3' } : palette.incident}
            pane="markerPane"
          >
            <Tooltip>{t('incident')}</Tooltip>
          </CircleMarker>
        )}
        <UnitsLayer around={picked} />
        <KeepInsideData />
        <FollowContainerSize picked={picked} />
        <ClickToPick onPick={onPick} />
        <MapKeyboard picked={picked} pending={pending} onMove={setPending} onPick={onPick} />
      </MapContainer>
      <div className="map-panel__note muted">
        <span>{failed ? t('failed') : base ? t('regionsApprox') : t('loading')}</span>
        {pending && (
          <span role="status" data-testid="map-pending">
            {t('keyboard.pending', { lat: pending.lat.toFixed(5), lon: pending.lon.toFixed(5) })}
          </span>
        )}
        {showTerritory && (
          <button type="button" className="ghost map-panel__territory" onClick={() => setFits((n) => n + 1)}>
            {t('ownTerritory', { name: departmentName(ownDepartment, i18n.language) })}
          </button>
        )}
      </div>
    </section>
  );
}
