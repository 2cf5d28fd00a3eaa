import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CentreView as View, operatorAt } from '../../../domain/centre/centre';
import { useConsole } from '../../store';
import { type CentreFigures, centreFigures, formatDuration } from './figures';

/** The clocks tick here every second; central is asked again only when its socket brings news. */
function useSecond(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const time = (iso: string, language: string) =>
  new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : language, { hour12: false });

function Figures({ f }: { f: CentreFigures }) {
  const { t } = useTranslation('centre');
  const tiles: [keyof CentreFigures, string, boolean][] = [
    ['waitingCalls', String(f.waitingCalls), f.waitingCalls > 0],
    ['waitingTexts', String(f.waitingTexts), false],
    ['longestWaitMs', f.longestWaitMs === null ? '—' : formatDuration(f.longestWaitMs), false],
    ['operatorsAvailable', String(f.operatorsAvailable), f.operatorsAvailable === 0],
    ['openCards', String(f.openCards), false],
    ['attention', String(f.attention.length), f.attention.length > 0],
  ];
  const label = (key: keyof CentreFigures) => t(`figures.${key === 'longestWaitMs' ? 'longestWait' : key}`);
  return (
    <dl className="centre-figures" aria-label={t('figures.label')}>
      {tiles.map(([key, value, alarm]) => (
        <div key={key} className={`centre-figure${alarm ? ' centre-figure--alarm' : ''}`}>
          <dt>{label(key)}</dt>
          <dd data-testid={`centre-figure-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Waiting({ view, now }: { view: View; now: number }) {
  const { t } = useTranslation(['centre', 'inbox']);
  return (
    <section className="panel centre-panel" aria-labelledby="centre-waiting">
      <h2 id="centre-waiting">{t('waiting.title')}</h2>
      <ul className="centre-list" tabIndex={0} aria-labelledby="centre-waiting">
        {view.waiting.length === 0 && <li className="muted">{t('waiting.empty')}</li>}
        {view.waiting.map((w) => (
          <li
            key={w.appealId}
            className={`centre-row${w.escalated ? ' centre-row--alarm' : ''}`}
            data-testid="centre-waiting"
            data-kind={w.kind}
          >
            <span className="badge">{t(`inbox:kinds.${w.kind}`)}</span>
            <span className="muted">{t(`inbox:channels.${w.channel}`)}</span>
            <span className="muted">{w.number}</span>
            <span className="centre-row__clock" data-testid="centre-waiting-age">
              {formatDuration(now - Date.parse(w.receivedAt))}
            </span>
            {w.escalated && <span className="badge badge--alarm">{t('waiting.escalated')}</span>}
            {w.claimed && <span className="badge badge--sending">{t('waiting.claimed')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Operators({ view, now }: { view: View; now: number }) {
  const { t } = useTranslation('centre');
  return (
    <section className="panel centre-panel" aria-labelledby="centre-operators">
      <h2 id="centre-operators">{t('operators.title')}</h2>
      <ul className="centre-list" tabIndex={0} aria-labelledby="centre-operators">
        {view.operators.length === 0 && <li className="muted">{t('operators.empty')}</li>}
        {view.operators.map((o) => {
          const { state, since } = operatorAt(o, now);
          return (
            <li key={o.accountId} className="centre-row" data-testid="centre-operator" data-state={state}>
              <span className="centre-row__name">{o.displayName}</span>
              <span className={`badge centre-state centre-state--${state}`}>
                {t(`operators.states.${state}`)}
              </span>
              <span className="centre-row__clock">{formatDuration(now - Date.parse(since))}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Cards({ f }: { f: CentreFigures }) {
  const { t } = useTranslation(['centre', 'cards', 'refusals']);
  const number = (n: string | null) => n ?? t('cards.noNumber');
  return (
    <section className="panel centre-panel centre-cards" aria-labelledby="centre-cards">
      <h2 id="centre-cards">{t('cards.title')}</h2>
      <table className="centre-statuses">
        <tbody>
          {f.byStatus.length === 0 && (
            <tr>
              <td className="muted">{t('cards.empty')}</td>
            </tr>
          )}
          {f.byStatus.map((s) => (
            <tr key={s.status} data-testid={`centre-status-${s.status}`}>
              <th scope="row">{t(`cards:status.${s.status}`)}</th>
              <td className="centre-count">{s.count}</td>
              <td className="muted">{t('cards.oldest', { age: formatDuration(s.oldestMs) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 id="centre-ack">{t('ack.title')}</h3>
      <ul className="centre-list" tabIndex={0} aria-labelledby="centre-ack">
        {f.acknowledgements.length === 0 && <li className="muted">{t('ack.empty')}</li>}
        {f.acknowledgements.map(({ card, state, msLeft, waitedMs }) => (
          <li
            key={card.id}
            className={`centre-row${state === 'late' || state === 'escalated' ? ' centre-row--alarm' : ''}`}
            data-testid="centre-ack"
          >
            <span>{number(card.number)}</span>
            <span className="centre-row__clock">
              {state === null
                ? t('ack.unknown')
                : state === 'escalated'
                  ? t('ack.escalated', { waited: formatDuration(waitedMs) })
                  : t(`ack.${state === 'late' ? 'late' : 'waiting'}`, { left: formatDuration(msLeft ?? 0) })}
            </span>
          </li>
        ))}
      </ul>
      <h3 id="centre-attention">{t('cards.attentionTitle')}</h3>
      <ul className="centre-list" tabIndex={0} aria-labelledby="centre-attention">
        {f.attention.length === 0 && <li className="muted">{t('cards.allWell')}</li>}
        {f.attention.map(({ card, statusMs, tooLong }) => (
          <li key={card.id} className="centre-row" data-testid="centre-attention">
            <span>{number(card.number)}</span>
            <span className="muted">{t(`cards:status.${card.status}`)}</span>
            {card.missing.length > 0 && (
              <span className="badge badge--sending">
                {t('cards.missing', {
                  fields: card.missing.map((m) => t(`refusals:fields.${m}`)).join(', '),
                })}
              </span>
            )}
            {tooLong && (
              <span className="badge badge--alarm">
                {t('cards.tooLong', { age: formatDuration(statusMs) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The supervisor's live view of the centre (§16, issue 14 item 4). */
export function CentreView() {
  const { t, i18n } = useTranslation('centre');
  const view = useConsole((s) => s.centreView);
  const live = useConsole((s) => s.centreLive);
  const loaded = useConsole((s) => s.centreLoaded);
  const fetchedAt = useConsole((s) => s.centreFetchedAt);
  const offset = useConsole((s) => s.centreClockOffsetMs);
  const loadCentre = useConsole((s) => s.loadCentre);
  const tick = useSecond();
  const now = tick + offset;
  useEffect(() => void loadCentre(), [loadCentre]);
  const figures = view ? centreFigures(view, now) : null;

  return (
    <div className="centre-view">
      <div className="panel__head">
        <h2 id="centre-title">{t('title')}</h2>
        {live && fetchedAt && (
          <span className="muted" data-testid="centre-updated">
            {t('updated', { time: time(fetchedAt, i18n.language) })}
          </span>
        )}
      </div>
      {loaded && !live && (
        <p className="banner banner--error centre-stale" role="status" data-testid="centre-stale">
          {fetchedAt
            ? t('stale', {
                time: time(fetchedAt, i18n.language),
                age: formatDuration(tick - Date.parse(fetchedAt)),
              })
            : t('neverFetched')}
        </p>
      )}
      {view && figures && (
        <div className={`centre-body${live ? '' : ' centre-body--stale'}`}>
          <Figures f={figures} />
          <div className="centre-grid">
            <Waiting view={view} now={now} />
            <Operators view={view} now={now} />
            <Cards f={figures} />
          </div>
        </div>
      )}
    </div>
  );
}
