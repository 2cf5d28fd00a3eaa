import type Database from 'better-sqlite3';
import { type TransitionName, TransitionNameSchema } from '../../domain/cards/workflow';
import { cipherOf } from './atRest';

/**
 * Workflow steps (send…) written here and not yet answered by central, by card: a card sent while offline is
 * "sending", not a draft with a live "Send". The outbox is the truth; a refused step is no longer pending.
 */
export function createPendingTransitions(db: Database.Database): { byCard(): Map<string, TransitionName> } {
  const cipher = cipherOf(db);
  // The payload is sealed (main/store/atRest.ts): the step is read from it here, not by SQL.
  const pending = db.prepare<[], { card_id: string; payload: string }>(
    `SELECT card_id, payload FROM outbox
     WHERE type = 'card.transition' AND state IN ('pending', 'inflight') ORDER BY seq`,
  );
  const stepOf = (payload: string): TransitionName =>
    TransitionNameSchema.parse((JSON.parse(cipher.open(payload)) as { transition?: unknown }).transition);
  return {
    // The latest step of a card wins: it is where the card is headed.
    byCard: () => new Map(pending.all().map((r) => [r.card_id, stepOf(r.payload)] as const)),
  };
}
