import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { CommandKbd } from '../../commands/CommandKbd';

/** The top bar's outbox counter and the "sync now" action (Alt+Y). */
export function SyncStatusBar() {
  const { t } = useTranslation('sync');
  const status = useConsole((s) => s.syncStatus);
  const syncNow = useConsole((s) => s.syncNow);
  // With the console away the last count is a guess; the status bar says the console is not answering instead.
  const lost = useConsole((s) => s.transport === 'lost');
  if (!status || lost) return null;
  return (
    <div className="sync-status" role="status">
      <span data-testid="unsent-count">{t('unsent', { count: status.unsent })}</span>{' '}
      <button type="button" className="ghost" onClick={() => void syncNow()}>
        {t('syncNow')} <CommandKbd command="sync.now" />
      </button>
    </div>
  );
}
