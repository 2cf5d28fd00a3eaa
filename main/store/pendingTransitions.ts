import type Database from 'better-sqlite3';
import { type TransitionName, TransitionNameSchema } from '../../domain/cards/workflow';

/**
 * Workflow steps (send…) written here and not yet answered by central, by card: a card sent while offline is
 * "sending", not a draft with a live "Send". The outbox is the truth; a refused step is no longer pending.
 */
export function createPendingTransitions(db: Database.Database): { byCard(): Map<string, TransitionName> } {
  const pending = db.prepare<[], { card_id: string; transition: string }>(
    `SELECT card_id, json_extract(payload, '$.transition') AS transition FROM outbox
     WHERE type = 'card.transition' AND state IN ('pending', 'inflight') ORDER BY seq`,
  );
  return {
    // The latest step of a card wins: it is where the card is headed.
    byCard: () =>
      new Map(pending.all().map((r) => [r.card_id, TransitionNameSchema.parse(r.transition)] as const)),
  };
}
