import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ETA_SPEED_KMH, isStale, nearestFirst, positionAgeMs } from '../../../domain/dispatch/unit';
import type { LatLon } from '../../../domain/places/geo';
import type { CardWarning } from '../../../domain/dispatch/warning';
import { IsolatedText } from '../../shell/IsolatedText';
import { can } from '../../../domain/session/roles';
import { useConsole } from '../../store';
import { useNow } from '../calls/useNow';
import { UNITS_PANEL_ID } from './ids';
import { useUnitsPaced } from './useUnitsPaced';
import { UnitStatusControl } from './UnitStatusControl';
import { UnitsNoticeLine } from './UnitsNoticeLine';
import './units.css';

/** The nearest this many are listed: the map shows the rest. */
const LISTED = 30;

/** Positions move the list at most this often; a status shows at once. */
const LIST_PACE_MS = 1000;

const kmFormats = new Map<string, Intl.NumberFormat>();
/** Kilometres with one decimal in the screen's language (a format is costly to build: one per language). */
const formatKm = (language: string, km: number) => {
  let format = kmFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    kmFormats.set(language, format);
  }
  return format.format(km);
};

/**
 * The card's units panel (§13): the territory's units nearest first with distance, straight-line ETA, status and
 * the age of their position (stale ones marked). Arrows move, Enter or Space chooses, Alt+Shift+B sends the
 * chosen ones — one operation, queued while offline; Alt+Shift+U sets the status of the unit under the cursor.
 * The card's §15 warnings (the duty unit's reference checks) show on each unit sent to it, so the crew is told
 * before it arrives.
 */
export function UnitsPanel({
  cardId,
  place,
  warnings = [],
}: {
  cardId: string;
  place: LatLon | null;
  warnings?: readonly CardWarning[];
}) {
  const { t, i18n } = useTranslation('units');
  const { t: tb } = useTranslation('board');
  const mayDispatch = useConsole((s) => (s.session ? can(s.session.role, 'units.dispatch') : false));
  const units = useUnitsPaced(LIST_PACE_MS);
  const chosen = useConsole((s) => s.unitsChosen);
  const notice = useConsole((s) => s.unitsNotice);
  const fetchedAt = useConsole((s) => s.unitsFetchedAt);
  const offline = useConsole((s) => s.connectivity?.state === 'offline');
  const toggleUnit = useConsole((s) => s.toggleUnit);
  const dispatchChosen = useConsole((s) => s.dispatchChosen);
  const setUnitStatus = useConsole((s) => s.setUnitStatus);
  const mayCommand = useConsole((s) => (s.session ? can(s.session.role, 'units.status') : false));
  const now = useNow(mayDispatch);
  // The cursor stays on its unit while the list re-sorts as units move.
  const [activeId, setActiveId] = useState<string | null>(null);
  const listed = useMemo(() => nearestFirst(Object.values(units), place).slice(0, LISTED), [units, place]);
  if (!mayDispatch) return null;

  const active = Math.max(
    0,
    listed.findIndex((row) => row.unit.id === activeId),
  );
  const activeRow = listed[active];
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = listed[Math.max(0, Math.min(listed.length - 1, active + step))];
      if (next) setActiveId(next.unit.id);
    } else if ((event.key === 'Enter' || event.key === ' ') && !event.altKey && activeRow) {
      event.preventDefault();
      toggleUnit(activeRow.unit.id);
    }
  };
  const warningsOf = (unitId: string) => (units[unitId]?.cardId === cardId ? warnings : []);

  return (
    <section className="panel units-panel" aria-labelledby="units-panel-title" data-testid="units-panel">
      <h2 id="units-panel-title">{t('title')}</h2>
      <p className="muted units-panel__note">
        {t('speedNote', { car: ETA_SPEED_KMH.car, foot: ETA_SPEED_KMH.foot })}
        {!place && <> {t('noPlace')}</>}
      </p>
      {offline && (
        <p className="muted" role="status">
          {fetchedAt
            ? t('offline', { time: new Date(fetchedAt).toLocaleTimeString(i18n.language) })
            : t('neverFetched')}
        </p>
      )}
      {listed.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul
          id={UNITS_PANEL_ID}
          className="units-panel__list"
          role="listbox"
          aria-multiselectable="true"
          aria-labelledby="units-panel-title"
          aria-activedescendant={activeRow ? `unit-row-${activeRow.unit.id}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          {listed.map(({ unit, km, etaMinutes }, index) => {
            const age = positionAgeMs(unit, now);
            const stale = isStale(unit, now);
            const isChosen = chosen.includes(unit.id);
            return (
              <li
                key={unit.id}
                id={`unit-row-${unit.id}`}
                role="option"
                aria-selected={isChosen}
                aria-disabled={unit.status !== 'free'}
                data-testid="unit-row"
                data-unit-id={unit.id}
                data-status={unit.status}
                className={[
                  'units-panel__row',
                  index === active ? 'units-panel__row--active' : '',
                  isChosen ? 'units-panel__row--chosen' : '',
                  stale ? 'units-panel__row--stale' : '',
                ].join(' ')}
                onClick={() => {
                  setActiveId(unit.id);
                  toggleUnit(unit.id);
                }}
              >
                <span className="units-panel__check" aria-hidden="true">
                  {isChosen ? '☑' : '☐'}
                </span>
                <strong>{unit.callSign}</strong>
                <span>{t(`kinds.${unit.kind}`)}</span>
                <span>{t('crew', { count: unit.crew })}</span>
                <span className={`units-panel__status units-panel__status--${unit.status}`}>
                  {t(`statuses.${unit.status}`)}
                  {unit.cardId && ` · ${t(unit.cardId === cardId ? 'onThisCard' : 'onOtherCard')}`}
                </span>
                {km !== null && etaMinutes !== null && (
                  <span>
                    {t('distance', { km: formatKm(i18n.language, km) })} ·{' '}
                    {t('eta', { minutes: Math.max(1, Math.round(etaMinutes)) })}
                  </span>
                )}
                <span className={stale ? 'units-panel__age--stale' : 'muted'}>
                  {age === null
                    ? t('noPosition')
                    : age < 120_000
                      ? t('age', { seconds: Math.round(age / 1000) })
                      : t('ageMinutes', { minutes: Math.round(age / 60_000) })}
                  {stale && age !== null && ` · ${t('stale')}`}
                </span>
                {warningsOf(unit.id).map((w) => (
                  <span key={w.id} className="units-panel__warning" data-testid="unit-warning">
                    {tb(`warnings.kinds.${w.kind}`)}
                    {w.personName && (
                      <>
                        {' — '}
                        <IsolatedText text={w.personName} />
                      </>
                    )}
                  </span>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <div className="units-panel__actions">
        <span className="muted">{t('chosen', { count: chosen.length })}</span>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => void dispatchChosen(cardId)}
          aria-keyshortcuts="Alt+Shift+B"
          data-testid="units-dispatch"
        >
          {t('dispatch')} (Alt+Shift+B)
        </button>
      </div>
      {mayCommand && activeRow && (
        <UnitStatusControl key={activeRow.unit.id} unit={activeRow.unit} onSet={setUnitStatus} />
      )}
      {notice && <UnitsNoticeLine notice={notice} />}
    </section>
  );
}
