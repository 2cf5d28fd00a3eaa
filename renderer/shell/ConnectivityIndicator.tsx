import { useTranslation } from 'react-i18next';
import { useConsole } from '../store';

export function ConnectivityIndicator() {
  const { t, i18n } = useTranslation();
  const connectivity = useConsole((s) => s.connectivity);
  const lost = useConsole((s) => s.transport === 'lost');
  // What the console last said about central is stale once the console itself is away.
  if (lost)
    return (
      <div className="connectivity connectivity--offline" role="status" data-testid="connectivity">
        <span className="connectivity__dot" aria-hidden="true" />
        <strong>{t('shell:consoleLost.status')}</strong>
      </div>
    );
  if (!connectivity) return null;
  const since = new Date(connectivity.since).toLocaleTimeString(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <div
      className={`connectivity connectivity--${connectivity.state}`}
      role="status"
      data-testid="connectivity"
    >
      <span className="connectivity__dot" aria-hidden="true" />
      <span>
        {t('connectivity.label')}: <strong>{t(`connectivity.${connectivity.state}`)}</strong>{' '}
        <span className="muted">{t('connectivity.since', { time: since })}</span>
      </span>
    </div>
  );
}
