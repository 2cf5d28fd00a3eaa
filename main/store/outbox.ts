import type { z } from 'zod';
import type Database from 'better-sqlite3';
import type { CardFields } from '../../domain/cards/card';
import { type SyncOperation, SyncOperationSchema } from '../../domain/sync/sync';
import type { CardSyncState } from '../../domain/sync/syncStatus';
import { type FieldCipher, cipherOf } from './atRest';
import type { ChangeNotifier, NewOperation } from './changeNotifier';

export type { NewOperation };

/** Which operation: its id, and its card (through whose index the outbox finds it). */
export type OperationRef = Pick<SyncOperation, 'id' | 'cardId'>;

interface OutboxRow {
  seq: number;
  id: string;
  card_id: string;
  type: string;
  payload: string;
  created_at: string;
  state: 'pending' | 'inflight' | 'rejected';
  attempts: number;
  account: string | null;
  retry_after: string | null;
}

/**
 * The outbox is a boundary: a row is parsed back into the protocol's operation, never cast. The payload is
 * sealed whole (it carries the card's fields, the applicant and chat lines among them).
 */
const readRow = (cipher: FieldCipher, row: OutboxRow) =>
  SyncOperationSchema.safeParse({
    id: row.id,
    cardId: row.card_id,
    type: row.type,
    payload: JSON.parse(cipher.open(row.payload)),
    createdAt: row.created_at,
  });

/**
 * An operation the protocol no longer accepts, written before this console refused such input (text no
 * database can store, say): set aside as refused here, so that it never blocks the operations behind it.
 */
export interface UnreadableOperation extends OperationRef {
  type: string;
  issues: z.core.$ZodIssue[];
}

export interface Outbox {
  /**
   * Appends an operation; must run inside the caller's transaction (the one that changes the local state).
   * Field changes merge into the card's last operation when that one has never been handed to the network,
   * so a burst of autosaves is one operation — an operation that may have reached central is never modified.
   * Returns the id of the operation that carries the change.
   */
  append(op: NewOperation): string;
  /**
   * The signed-in account: new operations are written as theirs, and only theirs (or nobody's) are handed out,
   * except those of a card with an earlier operation of another account still unsent (order per card).
   */
  setAccount(login: string | null): void;
  /** The signed-in account new operations are written as (null: nobody). */
  account(): string | null;
  /** The next operations in order, marked in flight with one more attempt; unreadable ones are set aside. */
  takeBatch(max: number): SyncOperation[];
  /** The operations `takeBatch` set aside since the last call (each is told once). */
  takeUnreadable(): UnreadableOperation[];
  /** A push failed in transport: its operations go back to pending with the error, to be sent again as they are. */
  release(error: string): void;
  /** Central has these: they move out of the outbox into `outbox_sent`. */
  markSent(ops: readonly OperationRef[]): void;
  /** Central refused it for good: it stays in the outbox, never handed out again. */
  markRejected(op: OperationRef): void;
  /**
   * Central failed on this operation by itself: it goes back to pending and is not handed out again (nor any
   * later operation of its card) for `delayMs(times it was sent)`.
   */
  holdBack(op: OperationRef, delayMs: (attempts: number) => number, error: string): void;
  /** When the earliest held-back operation may be sent again; null when none waits. */
  nextRetryAt(): Date | null;
  unsentCount(): number;
  /** Whether the card's own fields or status have changes central has not answered (chat lines and recordings do not count). */
  hasUnsent(cardId: string): boolean;
  /** Cards with unsent changes of their own, and whether one of them is in flight. */
  unsentCards(): Map<string, Extract<CardSyncState['state'], 'local' | 'sending'>>;
}

export function createOutbox(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string; changes?: ChangeNotifier },
): Outbox {
  const cipher = cipherOf(db);
  const lastOfCard = db.prepare<[string], OutboxRow>(
    'SELECT * FROM outbox WHERE card_id = ? ORDER BY seq DESC LIMIT 1',
  );
  // One more than any seq the outbox ever gave, sent or not: a seq is never given twice (see migration 0080).
  const insert = db.prepare(
    `INSERT INTO outbox (seq, id, card_id, type, payload, created_at, account)
     VALUES (MAX(COALESCE((SELECT MAX(seq) FROM outbox), 0), COALESCE((SELECT MAX(seq) FROM outbox_sent), 0)) + 1,
       ?, ?, ?, ?, ?, ?)`,
  );
  const rewrite = db.prepare('UPDATE outbox SET payload = ? WHERE seq = ? AND state = ? AND attempts = 0');
  // A card's operations reach central in the order they were written, whoever wrote them: one waits while an
  // earlier one of its card is unsent by another account, or is in flight at all. Other cards flow.
  // A held-back operation waits for its time, and the later ones of its card wait behind it.
  const pending = db.prepare<{ account: string | null; max: number; now: string }, OutboxRow>(
    `SELECT * FROM outbox o
     WHERE o.state = 'pending' AND (o.account IS NULL OR o.account = @account)
       AND (o.retry_after IS NULL OR o.retry_after <= @now)
       AND NOT EXISTS (
         SELECT 1 FROM outbox e
         WHERE e.card_id = o.card_id AND e.seq < o.seq
           AND (e.state = 'inflight'
             OR (e.state = 'pending' AND e.account IS NOT NULL AND e.account IS NOT @account)
             OR (e.state = 'pending' AND e.retry_after > @now)))
     ORDER BY o.seq LIMIT @max`,
  );
  const toInflight = db.prepare(
    `UPDATE outbox SET state = 'inflight', attempts = attempts + 1 WHERE seq = ?`,
  );
  const toPending = db.prepare(
    `UPDATE outbox SET state = 'pending', last_error = ? WHERE state = 'inflight'`,
  );
  const copySent = db.prepare(
    `INSERT INTO outbox_sent (seq, id, card_id, type, payload, created_at, account, attempts)
     SELECT seq, id, card_id, type, payload, created_at, account, attempts FROM outbox WHERE card_id = ? AND id = ?`,
  );
  const removeSent = db.prepare('DELETE FROM outbox WHERE card_id = ? AND id = ?');
  const toRejected = db.prepare(`UPDATE outbox SET state = 'rejected' WHERE card_id = ? AND id = ?`);
  const attemptsOf = db.prepare<[string, string], { attempts: number }>(
    'SELECT attempts FROM outbox WHERE card_id = ? AND id = ?',
  );
  const toHeld = db.prepare(
    `UPDATE outbox SET state = 'pending', retry_after = ?, last_error = ? WHERE card_id = ? AND id = ?`,
  );
  const earliestRetry = db.prepare<[], { at: string | null }>(
    `SELECT MIN(retry_after) AS at FROM outbox WHERE state = 'pending' AND retry_after IS NOT NULL`,
  );
  const count = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'inflight')`,
  );
  const cardUnsent = db.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM outbox WHERE card_id = ? AND state IN ('pending', 'inflight') AND type LIKE 'card.%'`,
  );
  const byCard = db.prepare<[], { card_id: string; inflight: number }>(
    `SELECT card_id, MAX(state = 'inflight') AS inflight FROM outbox
     WHERE state IN ('pending', 'inflight') AND type LIKE 'card.%' GROUP BY card_id`,
  );

  let account: string | null = null;
  const mergeable = (last: OutboxRow | undefined, op: NewOperation): last is OutboxRow =>
    last !== undefined &&
    last.state === 'pending' &&
    last.attempts === 0 &&
    last.account === account &&
    op.type === 'card.update' &&
    (last.type === 'card.create' || last.type === 'card.update');

  let unreadable: UnreadableOperation[] = [];
  const takeBatch = db.transaction((max: number) => {
    const operations: SyncOperation[] = [];
    for (const row of pending.all({ account, max, now: deps.now().toISOString() })) {
      const read = readRow(cipher, row);
      if (read.success) {
        toInflight.run(row.seq);
        operations.push(read.data);
        continue;
      }
      toRejected.run(row.card_id, row.id);
      unreadable.push({ id: row.id, cardId: row.card_id, type: row.type, issues: read.error.issues });
    }
    return operations;
  });

  // Copied and removed together, so a crash never leaves an operation both sent and pending.
  const markSent = db.transaction((ops: readonly OperationRef[]) => {
    for (const op of ops) {
      copySent.run(op.cardId, op.id);
      removeSent.run(op.cardId, op.id);
    }
  });

  return {
    append(op) {
      // Only an update can merge into the card's last unsent operation; anything else skips the lookup.
      const last = op.type === 'card.update' ? lastOfCard.get(op.cardId) : undefined;
      if (op.type === 'card.update' && mergeable(last, op)) {
        const before = JSON.parse(cipher.open(last.payload)) as { fields: Partial<CardFields> };
        const payload = { ...before, fields: { ...before.fields, ...op.payload.fields } };
        if (rewrite.run(cipher.seal(JSON.stringify(payload)), last.seq, 'pending').changes === 1) {
          deps.changes?.announce({ kind: 'operation', operation: op });
          return last.id;
        }
      }
      const id = deps.newId();
      insert.run(
        id,
        op.cardId,
        op.type,
        cipher.seal(JSON.stringify(op.payload)),
        deps.now().toISOString(),
        account,
      );
      deps.changes?.announce({ kind: 'operation', operation: op });
      return id;
    },
    setAccount: (login) => {
      account = login;
    },
    account: () => account,
    takeBatch: (max) => takeBatch.immediate(max),
    takeUnreadable() {
      const taken = unreadable;
      unreadable = [];
      return taken;
    },
    release: (error) => void toPending.run(error),
    markSent: (ops) => markSent(ops),
    markRejected: (op) => void toRejected.run(op.cardId, op.id),
    holdBack(op, delayMs, error) {
      const attempts = attemptsOf.get(op.cardId, op.id)?.attempts ?? 0;
      const until = new Date(deps.now().getTime() + delayMs(attempts));
      toHeld.run(until.toISOString(), error, op.cardId, op.id);
    },
    nextRetryAt() {
      const at = earliestRetry.get()?.at;
      return at ? new Date(at) : null;
    },
    unsentCount: () => count.get()?.n ?? 0,
    hasUnsent: (cardId) => (cardUnsent.get(cardId)?.n ?? 0) > 0,
    unsentCards: () =>
      new Map(byCard.all().map((r) => [r.card_id, r.inflight ? 'sending' : 'local'] as const)),
  };
}
