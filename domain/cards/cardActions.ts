import { type CardFields, type CardStatus, EMPTY_CARD_FIELDS } from './card';
import { type Role, can } from '../session/roles';
import { TRANSITIONS, type TransitionName, decideTransition } from './workflow';

/** What the card form offers one account on one card: derived from the workflow and the roles, never listed per role. */
export interface CardActions {
  /** Whether the card's fields may be changed (and so whether a save is offered). */
  editFields: boolean;
  /** The workflow steps this role may take from the card's status, in the workflow's order. */
  transitions: TransitionName[];
  /** A step written here and not yet answered by central: the card is on its way, nothing else is offered. */
  sending: TransitionName | null;
}

const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/**
 * Whether a role may change a card's fields at this status: whoever writes cards, until the card is closed; an
 * operator only until it is sent (the same rule central applies to `card.update`).
 */
export function mayEditFields(role: Role, status: CardStatus): boolean {
  if (!can(role, 'cards.write') || status === 'closed') return false;
  return role !== 'operator' || status === 'draft';
}

/**
 * A card whose every field the operator can still fill is taken as filled: a step is offered when only typing
 * stands between the card and it (the step then says what is missing), never when the card's kind rules it out.
 */
const FILLED: Omit<CardFields, 'urgent'> = {
  ...EMPTY_CARD_FIELDS,
  description: 'filled',
  category: 'otherOffence',
  location: { lat: 0, lon: 0, source: 'typed' },
};

/**
 * The steps the workflow lets this role take from this status, for a card of this urgency (§12: only a
 * non-urgent card goes to the competent service). The workflow's own `decideTransition` decides; the number a
 * step needs (КІҚЖ for `register`) is asked when it is taken.
 */
export function transitionsFor(role: Role, card: { status: CardStatus; urgent: boolean }): TransitionName[] {
  if (!can(role, 'cards.write')) return [];
  const fields: CardFields = { ...FILLED, urgent: card.urgent };
  return TRANSITION_NAMES.filter(
    (transition) =>
      decideTransition({ status: card.status, fields }, { transition, kuizhNumber: 'asked' }, role).ok,
  );
}

/**
 * The form's actions for a card. While a step is pending the card is treated as where it is headed (an operator's
 * sent card is read-only at once) and no further step is offered until central answers.
 */
export function cardActions(
  role: Role,
  card: { status: CardStatus; urgent: boolean },
  pending: TransitionName | null,
): CardActions {
  if (pending !== null) {
    return { editFields: mayEditFields(role, TRANSITIONS[pending].to), transitions: [], sending: pending };
  }
  return {
    editFields: mayEditFields(role, card.status),
    transitions: transitionsFor(role, card),
    sending: null,
  };
}
