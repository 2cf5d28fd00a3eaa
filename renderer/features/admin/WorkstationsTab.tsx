import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkstationVerdictSchema } from '../../../domain/workstation/workstation';
import { formatDateTime } from '../../i18n/dateTime';
import { useConsole } from '../../store';
import { type FleetQuery, type FleetSort, fleetRows } from './workstationTable';

const SORTS: readonly FleetSort[] = ['workstation', 'checkedAt', 'verdict'];

/**
 * Every workstation's last readiness report (§27–28), one row per console (keyed by the id in its data folder):
 * searched, filtered by verdict and sorted here.
 */
export function WorkstationsTab() {
  const { t, i18n } = useTranslation('admin');
  const fleet = useConsole((s) => s.fleet);
  const load = useConsole((s) => s.loadFleet);
  const [query, setQuery] = useState<FleetQuery>({ search: '', verdict: 'all', sort: 'verdict' });
  useEffect(() => {
    void load();
  }, [load]);
  const entries = fleet?.state === 'listed' ? fleet.workstations : [];
  const rows = fleetRows(entries, query);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  return (
    <div className="admin-tab">
      <div className="admin-filters">
        <label htmlFor="admin-ws-search">
          {t('workstations.search')}
          <input
            id="admin-ws-search"
            type="search"
            value={query.search}
            onChange={(e) => setQuery({ ...query, search: e.target.value })}
          />
        </label>
        <label htmlFor="admin-ws-verdict">
          {t('workstations.filter')}
          <select
            id="admin-ws-verdict"
            value={query.verdict}
            onChange={(e) => {
              const verdict = WorkstationVerdictSchema.safeParse(e.target.value);
              setQuery({ ...query, verdict: verdict.success ? verdict.data : 'all' });
            }}
          >
            <option value="all">{t('workstations.all')}</option>
            {WorkstationVerdictSchema.options.map((v) => (
              <option key={v} value={v}>
                {t(`readiness:verdict.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="admin-ws-sort">
          {t('workstations.sortBy')}
          <select
            id="admin-ws-sort"
            value={query.sort}
            onChange={(e) =>
              setQuery({ ...query, sort: SORTS.find((s) => s === e.target.value) ?? query.sort })
            }
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`workstations.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      {fleet?.state === 'unavailable' && (
        <p role="status">{t(`readiness:fleet.unavailable.${fleet.reason}`)}</p>
      )}
      <p className="muted" role="status">
        {t('workstations.shown', { shown: rows.length, total: entries.length })}
      </p>
      <table className="admin-table">
        <thead>
          <tr>
            {(['workstation', 'verdict', 'videoCalls', 'checkedAt', 'receivedAt'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`readiness:fleet.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.workstationId} data-testid={`admin-ws-${w.workstationId}`}>
              <th scope="row">{w.workstationId}</th>
              <td className={w.verdict ? `readiness-verdict--${w.verdict}` : undefined}>
                {w.verdict ? t(`readiness:verdict.${w.verdict}`) : t('readiness:fleet.unreadable')}
              </td>
              <td>{w.videoCalls ? t(`readiness:fleet.videoCalls.${w.videoCalls}`) : '—'}</td>
              <td>{when(w.checkedAt)}</td>
              <td>{when(w.receivedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
