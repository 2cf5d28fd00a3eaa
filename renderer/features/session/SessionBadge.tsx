import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';

/** Who is signed in, whether central knows it yet, and the way out. */
export function SessionBadge() {
  const { t } = useTranslation('signin');
  const session = useConsole((s) => s.session);
  const signOut = useConsole((s) => s.signOut);
  if (!session) return null;
  return (
    <div className="session-badge">
      <span data-testid="session">
        {session.displayName}
        {session.mode === 'offline' && <span className="badge">{t('offlineMode')}</span>}
      </span>{' '}
      <button type="button" className="ghost" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
    </div>
  );
}
