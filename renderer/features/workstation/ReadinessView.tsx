import './readiness.css';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/dateTime';
import { useConsole } from '../../store';
import { DeviceCheck } from './DeviceCheck';
import { useReportLanguage } from './language';
import { ReadinessItems } from './ReadinessItems';
import { downloadReport } from './service';
import { VideoCallBanner } from './VideoCallBanner';

/** The readiness screen: the §27 report in the operator's language, a new check, and a live device test. */
export function ReadinessView() {
  const { t } = useTranslation('readiness');
  const report = useConsole((s) => s.workstationReport);
  const checking = useConsole((s) => s.readinessChecking);
  const progress = useConsole((s) => s.readinessProgress);
  const error = useConsole((s) => s.readinessError);
  const access = useConsole((s) => s.mediaAccess);
  const check = useConsole((s) => s.checkWorkstation);
  const lang = useReportLanguage();
  const checkedAt = report ? formatDateTime(report.checkedAt, lang) : null;

  return (
    <div className="readiness">
      <section className="panel readiness-summary" aria-labelledby="readiness-title">
        <div className="panel__head">
          <h2 id="readiness-title">{t('title')}</h2>
          <div className="readiness-summary__actions">
            <button type="button" className="primary" onClick={() => void check()} disabled={checking}>
              {t('checkAgain')}
            </button>
            <button type="button" onClick={() => report && downloadReport(report)} disabled={!report}>
              {t('export')}
            </button>
          </div>
        </div>
        <p className="muted">{t('intro')}</p>
        {checking && (
          <div className="readiness-progress" role="status">
            <progress max={1} value={progress?.fraction ?? 0} />
            <span>{t('checking', { phase: t(`phase.${progress?.phase ?? 'machine'}`) })}</span>
          </div>
        )}
        <p>
          {report ? (
            <strong
              className={`readiness-verdict readiness-verdict--${report.verdict}`}
              data-testid="readiness-verdict"
            >
              {t(`verdict.${report.verdict}`)}
            </strong>
          ) : (
            <strong>{t('notChecked')}</strong>
          )}
          {checkedAt && <span className="muted"> · {t('checkedAt', { time: checkedAt })}</span>}
        </p>
        {error && (
          <p className="banner banner--error" role="alert">
            {t('failed')}
          </p>
        )}
        <VideoCallBanner />
      </section>
      <section className="panel readiness-report">
        {report && <ReadinessItems items={report.items} />}
      </section>
      <aside className="readiness-side">
        {access !== 'granted' && (
          <section className="panel readiness-access" aria-labelledby="readiness-access-title">
            <h2 id="readiness-access-title">{t('access.title')}</h2>
            <p>{t('access.why')}</p>
            {access === 'denied' && <p role="alert">{t('access.denied')}</p>}
            <button
              type="button"
              className="primary"
              onClick={() => void check({ askAccess: true })}
              disabled={checking}
            >
              {t('access.allow')}
            </button>
          </section>
        )}
        <DeviceCheck />
      </aside>
    </div>
  );
}
