import './readiness.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessItemId } from '../../../domain/workstation/workstation';
import { ITEM_TITLES } from '../../../domain/workstation/workstationAdvice';
import { formatDateTime } from '../../i18n/dateTime';
import { useConsole } from '../../store';
import { useReportLanguage } from './language';

/** The digitalisation unit's table of every workstation and its last readiness report (§28). */
export function FleetView() {
  const { t } = useTranslation('readiness');
  const lang = useReportLanguage();
  const fleet = useConsole((s) => s.fleet);
  const loading = useConsole((s) => s.fleetLoading);
  const load = useConsole((s) => s.loadFleet);
  useEffect(() => {
    void load();
  }, [load]);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—');
  const titles = (ids: ReadinessItemId[]) => ids.map((id) => ITEM_TITLES[id][lang]).join(', ') || '—';

  return (
    <section className="panel readiness-fleet" aria-labelledby="readiness-fleet-title">
      <div className="panel__head">
        <h2 id="readiness-fleet-title">{t('fleet.title')}</h2>
        <button type="button" onClick={() => void load()} disabled={loading}>
          {t('fleet.refresh')}
        </button>
      </div>
      <p className="muted">{t('fleet.intro')}</p>
      {fleet?.state === 'unavailable' && <p role="status">{t(`fleet.unavailable.${fleet.reason}`)}</p>}
      {fleet?.state === 'listed' && fleet.workstations.length === 0 && (
        <p role="status">{t('fleet.empty')}</p>
      )}
      {fleet?.state === 'listed' && fleet.workstations.length > 0 && (
        <table className="readiness-items">
          <thead>
            <tr>
              {(
                [
                  'workstation',
                  'verdict',
                  'videoCalls',
                  'failed',
                  'unknown',
                  'checkedAt',
                  'receivedAt',
                ] as const
              ).map((column) => (
                <th key={column} scope="col">
                  {t(`fleet.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fleet.workstations.map((w) => (
              <tr key={w.workstationId} data-testid={`fleet-${w.workstationId}`}>
                <th scope="row">{w.workstationId}</th>
                <td className={w.verdict ? `readiness-verdict--${w.verdict}` : undefined}>
                  {w.verdict ? t(`verdict.${w.verdict}`) : t('fleet.unreadable')}
                </td>
                <td>{w.videoCalls ? t(`fleet.videoCalls.${w.videoCalls}`) : '—'}</td>
                <td>{titles(w.failed)}</td>
                <td>{titles(w.unknown)}</td>
                <td className="readiness-items__value">{when(w.checkedAt)}</td>
                <td className="readiness-items__value">{when(w.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
