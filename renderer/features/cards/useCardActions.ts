import { type CardActions, cardActions } from '../../../domain/cards/cardActions';
import type { TransitionName } from '../../../domain/cards/workflow';
import { useConsole } from '../../store';
import { selectCardSync } from '../sync';

/** Until the signed-in role is known, typing is never refused (nothing typed is lost); steps wait for it. */
const UNTIL_ROLE_KNOWN: CardActions = { editFields: true, transitions: [], sending: null };

/** The workflow step of this card written here and not yet answered by central, if any (from the outbox). */
export function usePendingStep(cardId: string | undefined): TransitionName | null {
  const sync = useConsole(selectCardSync(cardId));
  return sync && (sync.state === 'local' || sync.state === 'sending') ? (sync.transition ?? null) : null;
}

/** What the form offers the signed-in role on the open card (domain/cards/cardActions.ts decides). */
export function useCardActions(): CardActions {
  const editor = useConsole((s) => s.editor);
  const role = useConsole((s) => s.appInfo?.role);
  const pending = usePendingStep(editor.id);
  return role ? cardActions(role, editor, pending) : UNTIL_ROLE_KNOWN;
}
