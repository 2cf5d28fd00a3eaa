import type { Card, CardStatus } from '../../../domain/cards/card';
import { type AcknowledgementLimits, acknowledgementState } from '../../../domain/dispatch/acknowledgement';
import type { CardWarning } from '../../../domain/dispatch/warning';
import type { ConsoleState } from '../../store';

/** The statuses the board shows: a card between "sent to the inspector" and closed (§10–15). */
const ON_BOARD: readonly CardStatus[] = ['sentToInspector', 'inResponse', 'forwardedToDuty', 'registered'];

const NO_WARNINGS: CardWarning[] = [];

/**
 * The board's order: cards still waiting to be taken first (the §13 timer runs on them), urgent before
 * non-urgent, then newest first.
 */
export function boardOrder(cards: readonly Card[]): Card[] {
  const rank = (c: Card) =>
    (c.status === 'sentToInspector' && !c.takenAt ? 0 : 2) + (c.urgent === false ? 1 : 0);
  const time = (c: Card) => c.sentAt ?? c.updatedAt;
  return cards
    .filter((c) => ON_BOARD.includes(c.status))
    .sort((a, b) => rank(a) - rank(b) || time(b).localeCompare(time(a)));
}

/** The card's warnings as the board last read them (§15): what units' panel takes as its `warnings` prop. */
export const selectCardWarnings =
  (cardId: string | undefined | null) =>
  (state: Pick<ConsoleState, 'boardDetails'>): CardWarning[] => {
    // Central sends them newest first; the stored array itself, so a component re-renders only when they change.
    return (cardId ? state.boardDetails[cardId]?.details?.warnings : undefined) ?? NO_WARNINGS;
  };

/** Whether a card is escalated now by the domain's rule (the supervisor's highlighted row). */
export const isEscalated = (card: Card, now: number, limits: AcknowledgementLimits): boolean =>
  acknowledgementState(card, now, limits) === 'escalated';
