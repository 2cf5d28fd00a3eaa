import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { IsolatedText } from '../../shell/IsolatedText';
import type { QueuedCheck } from '../../../domain/dispatch/warning';

/** One empty list for every card without queued checks: a new one per render would render again forever. */
const NONE: readonly QueuedCheck[] = [];

/**
 * §15's checks of this card taken while central was out of reach: they wait in the outbox and are made when it is
 * back (issue 14 item 5); the person's name is the officer's own typing, shown as text.
 */
export function QueuedCheckList({ cardId }: { cardId: string }) {
  const { t } = useTranslation('board');
  const queued = useConsole((s) => s.boardDetails[cardId]?.queuedChecks ?? NONE);
  if (queued.length === 0) return null;
  return (
    <div className="board-card__queued" role="status" aria-labelledby={`board-queued-${cardId}`}>
      <h3 id={`board-queued-${cardId}`}>{t('queuedChecks.title')}</h3>
      <ul>
        {queued.map((check) => (
          <li key={check.operationId} className="badge badge--sending" data-testid="board-check-queued">
            {check.person.name && <IsolatedText text={check.person.name} />}
            {check.person.name && check.person.iin && ' · '}
            {check.person.iin}
          </li>
        ))}
      </ul>
    </div>
  );
}
