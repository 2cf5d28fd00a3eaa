import { useTranslation } from 'react-i18next';
import type { CardSyncState } from '../../../domain/syncStatus';
import { describeRefusal } from '../refusals';
import { useConsole } from '../../store';
import { selectCardSync } from './slice';

function label(
  sync: CardSyncState,
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
): string {
  switch (sync.state) {
    case 'local':
      return t('state.local');
    case 'sending':
      return t('state.sending');
    case 'synced':
      return t('state.synced');
    case 'rejected':
      return t('state.rejected', {
        reason: describeRefusal(
          t,
          language,
          sync.code ? { code: sync.code, params: sync.params ?? {} } : null,
        ),
      });
  }
}

/** Where one card stands with central; a rejection shows central's refusal in the reader's language. */
export function CardSyncBadge({ cardId }: { cardId: string | undefined }) {
  const { t, i18n } = useTranslation('sync');
  const sync = useConsole(selectCardSync(cardId));
  if (!sync) return null;
  return (
    <span
      className={`badge sync-badge sync-badge--${sync.state}`}
      data-testid="card-sync"
      role={sync.state === 'rejected' ? 'alert' : undefined}
    >
      {label(sync, t, i18n.language)}
    </span>
  );
}
