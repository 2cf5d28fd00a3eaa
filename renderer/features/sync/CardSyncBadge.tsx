import { useTranslation } from 'react-i18next';
import type { CardSyncState } from '../../../domain/sync/syncStatus';
import { useConsole } from '../../store';
import { selectCardSync } from './slice';

function label(sync: CardSyncState, t: (key: string) => string): string {
  switch (sync.state) {
    case 'local':
      return t('state.local');
    case 'sending':
      return t('state.sending');
    case 'synced':
      return t('state.synced');
    case 'rejected':
      // The card's refusal banner says what and why; the badge, in the list too, only that it was refused.
      return t('state.rejected');
  }
}

/** Where one card stands with central, in a word. */
export function CardSyncBadge({ cardId }: { cardId: string | undefined }) {
  const { t } = useTranslation('sync');
  const sync = useConsole(selectCardSync(cardId));
  if (!sync) return null;
  return (
    <span
      className={`badge sync-badge sync-badge--${sync.state}`}
      data-testid="card-sync"
      role={sync.state === 'rejected' ? 'alert' : undefined}
    >
      {label(sync, t)}
    </span>
  );
}
