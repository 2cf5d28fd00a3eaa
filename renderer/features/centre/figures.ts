import {
  type AcknowledgementState,
  acknowledgementMsLeft,
  acknowledgementState,
} from '../../../domain/dispatch/acknowledgement';
import { CARD_STATUSES, type CardStatus } from '../../../domain/cards/card';
import { type CentreCard, type CentreView, operatorAt, waitsTooLong } from '../../../domain/centre/centre';

/** The centre's figures at a moment (central's clock): pure, so the screen only draws them. */
export interface CentreFigures {
  waitingCalls: number;
  waitingTexts: number;
  longestWaitMs: number | null;
  operatorsAvailable: number;
  openCards: number;
  byStatus: { status: CardStatus; count: number; oldestMs: number }[];
  /** Cards sent to the senior inspector and not taken, the nearest to a limit first. */
  acknowledgements: {
    card: CentreCard;
    state: AcknowledgementState | null;
    msLeft: number | null;
    waitedMs: number;
  }[];
  /** Cards that lack a required field, or have stayed too long in their status, or are late to be taken. */
  attention: { card: CentreCard; statusMs: number; tooLong: boolean }[];
}

const OPEN_STATUSES = CARD_STATUSES.filter((s) => s !== 'closed' && s !== 'forwardedToService');

export function centreFigures(view: CentreView, now: number): CentreFigures {
  const since = (iso: string) => Math.max(0, now - Date.parse(iso));
  const calls = view.waiting.filter((w) => w.kind !== 'text');
  const oldest = view.waiting.reduce<number | null>(
    (max, w) => Math.max(max ?? 0, since(w.receivedAt)),
    null,
  );
  const byStatus = OPEN_STATUSES.map((status) => {
    const of = view.cards.filter((c) => c.status === status);
    return {
      status,
      count: of.length,
      oldestMs: of.reduce((max, c) => Math.max(max, since(c.createdAt)), 0),
    };
  }).filter((s) => s.count > 0);
  const acknowledgements = view.cards
    .filter((c) => c.status === 'sentToInspector')
    .map((card) => ({
      card,
      state: acknowledgementState(card, now),
      msLeft: acknowledgementMsLeft(card, now),
      waitedMs: card.sentAt ? since(card.sentAt) : 0,
    }))
    .sort((a, b) => rank(a) - rank(b));
  const attention = view.cards
    .map((card) => ({ card, statusMs: since(card.statusSince), tooLong: waitsTooLong(card, now) }))
    .filter(
      ({ card, tooLong }) =>
        tooLong ||
        card.missing.length > 0 ||
        ['late', 'escalated'].includes(acknowledgementState(card, now) ?? ''),
    )
    .sort((a, b) => b.statusMs - a.statusMs);
  return {
    waitingCalls: calls.length,
    waitingTexts: view.waiting.length - calls.length,
    longestWaitMs: oldest,
    operatorsAvailable: view.operators.filter((o) => operatorAt(o, now).state === 'available').length,
    openCards: view.cards.length,
    byStatus,
    acknowledgements,
    attention,
  };
}

/** Escalated (longest first), then late, then waiting (each the nearest to its limit first), unknown last. */
function rank(a: { state: AcknowledgementState | null; msLeft: number | null; waitedMs: number }): number {
  if (a.state === 'escalated') return -1e12 - a.waitedMs;
  if (a.state === 'late') return -1e11 + (a.msLeft ?? 0);
  if (a.msLeft !== null) return a.msLeft;
  return Number.MAX_SAFE_INTEGER;
}

/** "0:45", "12:05", "1:02:05": digits read the same in kk, ru and en. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
