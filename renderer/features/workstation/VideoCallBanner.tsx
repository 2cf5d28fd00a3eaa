import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { useReportLanguage } from './language';
import { selectVideoCalls } from './slice';

/**
 * Whether this workstation may take video calls, and why not: shown on the readiness screen and meant for
 * the call feature to show before a video call is accepted (blocked under the `block` policy, a warning under `warn`).
 */
export function VideoCallBanner() {
  const { t } = useTranslation('readiness');
  const lang = useReportLanguage();
  const videoCalls = useConsole(selectVideoCalls);
  if (!videoCalls) return null;
  const { state, reasons } = videoCalls;
  return (
    <div
      className={`banner readiness-banner readiness-banner--${state}`}
      role={state === 'blocked' ? 'alert' : 'status'}
      data-testid="video-call-readiness"
      data-state={state}
    >
      <p>
        <strong>{t(`videoCalls.${state}`)}</strong>
      </p>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((reason) => (
            <li key={reason.item ?? reason.status}>{reason.text[lang]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
