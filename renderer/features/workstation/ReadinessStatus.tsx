import './readiness.css';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';

/**
 * The frame's compact readiness: one glance says whether this workstation is fit and whether it may take
 * video calls; a click opens the details. Two short lines, so the top bar keeps room in Kazakh too.
 */
export function ReadinessStatus() {
  const { t } = useTranslation('readiness');
  const report = useConsole((s) => s.workstationReport);
  const videoCalls = useConsole((s) => s.workstationReadiness?.videoCalls.state ?? null);
  const checking = useConsole((s) => s.readinessChecking);
  const showView = useConsole((s) => s.showView);
  const state = report ? report.verdict : 'notChecked';
  return (
    <button
      type="button"
      className={`ghost readiness-status readiness-status--${state}`}
      data-testid="workstation-status"
      onClick={() => showView('readiness')}
    >
      <span className="readiness-status__dot" aria-hidden="true" />
      <span className="readiness-status__text">
        <span>
          {t('frame.label')}:{' '}
          <strong>{checking && !report ? t('frame.checking') : t(`frame.${state}`)}</strong>
        </span>
        {videoCalls === 'blocked' && (
          <strong className="readiness-status__blocked">{t('frame.videoBlocked')}</strong>
        )}
      </span>
    </button>
  );
}
