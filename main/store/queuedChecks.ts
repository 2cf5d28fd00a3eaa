import type Database from 'better-sqlite3';
import {
  type QueuedCheck,
  QueuedCheckPayloadSchema,
  type ReferenceCheckInput,
} from '../../domain/dispatch/warning';
import { cipherOf } from './atRest';
import type { Outbox } from './outbox';

/**
 * §15's reference checks taken while central was out of reach (issue 14 item 5): each is an operation of the
 * outbox, so it reaches central exactly once, after the card's own earlier changes; the outbox is the truth of
 * which are still waiting. A refused one is not waiting: the card shows its refusal (main/store/syncLedger.ts).
 */
export function createQueuedChecks(db: Database.Database, deps: { outbox: Outbox }) {
  const cipher = cipherOf(db);
  // The payload is sealed (it names the person): whom is read from it here, not by SQL.
  const waiting = db.prepare<[string], { id: string; payload: string; created_at: string }>(
    `SELECT id, payload, created_at FROM outbox
     WHERE card_id = ? AND type = 'reference.check' AND state IN ('pending', 'inflight') ORDER BY seq`,
  );
  return {
    /** Queues the check as the signed-in account's operation; answers its id. */
    queue({ cardId, ...payload }: ReferenceCheckInput): string {
      return deps.outbox.append({ type: 'reference.check', cardId, payload });
    },
    /** The card's checks central has not answered yet, in the order they were taken. */
    ofCard: (cardId: string): QueuedCheck[] =>
      waiting.all(cardId).map((row) => {
        const { person, reason } = QueuedCheckPayloadSchema.parse(JSON.parse(cipher.open(row.payload)));
        return { operationId: row.id, person, reason, queuedAt: row.created_at };
      }),
  };
}
export type QueuedChecks = ReturnType<typeof createQueuedChecks>;
