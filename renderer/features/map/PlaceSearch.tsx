import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatLon } from '../../../domain/places/geo';
import { loadBaseLayer } from './baseLayer';
import { PLACE_SEARCH_ID } from './ids';
import { type Place, searchPlaces } from './placeSearch';
import { CommandKbd } from '../../commands/CommandKbd';

export interface PlaceSearchProps {
  /** The card's place now: when it moves elsewhere (the map, typed coordinates, another card) the name goes. */
  picked: LatLon | null;
  onPick: (point: LatLon) => void;
}

/** Coordinates are kept to 5 decimals on the card; closer than this is the same place. */
const SAME_PLACE = 1e-4;
const isAt = (place: Place, point: LatLon | null) =>
  point !== null &&
  Math.abs(place.lat - point.lat) < SAME_PLACE &&
  Math.abs(place.lon - point.lon) < SAME_PLACE;

/**
 * Sets the incident's place from the keyboard by a place's name (Alt+F): the offline list of places the
 * map ships, searched in Kazakh, Russian or Latin letters. Arrows choose, Enter sets, Esc clears.
 */
export function PlaceSearch({ picked, onPick }: PlaceSearchProps) {
  const { t } = useTranslation('map');
  const listId = useId();
  const [places, setPlaces] = useState<readonly Place[]>([]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Place | null>(null);
  const [list, setList] = useState<'loading' | 'ready' | 'failed'>('loading');
  /** Enter pressed before the list has loaded (a fast typist right after start): kept, and answered on load. */
  const [enterWaiting, setEnterWaiting] = useState(false);
  useEffect(() => {
    let live = true;
    loadBaseLayer().then(
      (layer) => {
        if (!live) return;
        setPlaces(layer.cities);
        setList('ready');
      },
      () => live && setList('failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (chosen && !isAt(chosen, picked)) {
      setChosen(null);
      setQuery('');
    }
  }, [chosen, picked]);
  const found = useMemo(() => (chosen ? [] : searchPlaces(places, query)), [chosen, places, query]);
  const choose = useCallback(
    (place: Place | undefined) => {
      if (!place) return;
      onPick({ lat: place.lat, lon: place.lon });
      setChosen(place);
      setQuery(place.name);
    },
    [onPick],
  );
  useEffect(() => {
    if (!enterWaiting || list === 'loading') return;
    setEnterWaiting(false);
    choose(found[active]);
  }, [enterWaiting, list, found, active, choose]);

  return (
    <div className="place-search">
      <label htmlFor={PLACE_SEARCH_ID}>
        {t('placeSearch.label')} <CommandKbd command="place.search" />
      </label>
      <input
        id={PLACE_SEARCH_ID}
        role="combobox"
        autoComplete="off"
        aria-expanded={found.length > 0}
        aria-controls={listId}
        aria-activedescendant={found[active] ? `${listId}-${found[active].id}` : undefined}
        placeholder={t('placeSearch.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setChosen(null);
          setActive(0);
          setEnterWaiting(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((index) => (found.length === 0 ? 0 : (index + step + found.length) % found.length));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (list === 'loading') setEnterWaiting(true);
            else choose(found[active]);
          } else if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            setQuery('');
            setChosen(null);
          }
        }}
      />
      {found.length > 0 && (
        <ul id={listId} role="listbox" className="place-search__list" aria-label={t('placeSearch.label')}>
          {found.map((place, index) => (
            <li
              key={place.id}
              id={`${listId}-${place.id}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(place);
              }}
            >
              {place.name}
              {place.altName ? ` (${place.altName})` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="muted" role="status">
        {chosen
          ? t('placeSearch.set', { name: chosen.name })
          : list === 'failed'
            ? t('placeSearch.failed')
            : list === 'loading' && query.trim() !== ''
              ? t('placeSearch.loading')
              : query.trim().length >= 2 && found.length === 0
                ? t('placeSearch.none')
                : ''}
      </p>
    </div>
  );
}
