import type { SyncOperation, SyncOpResult, SyncPullResponse } from '../../domain/sync/sync';
import { can } from '../../domain/session/roles';
import type { Principal } from '../session/principal';
import type { Database } from '../db/database';
import { DepartmentDirectory } from '../departments/departmentRepository';
import type { EventBus } from '../realtime/bus';
import { type CardCreate, applyCardCreates } from './cardCreates';
import { lockFeed, readChanges } from './changeFeed';
import { ledger, type Original } from './ledger';
import { applyOperation, type OperationDeps, type Outcome } from './operations';

/**
 * Applies pushed operations exactly once: the operation id is claimed in `sync_operations` in the same
 * transaction as its effect. A concurrent push of the same id waits for that transaction and then answers
 * `duplicate`; a push whose answer was lost is answered `duplicate` when the console retries.
 * A batch is one transaction: central's commit, not each operation's, is what the console waits for.
 */
export function createSyncService(deps: OperationDeps & { db: Database; bus: EventBus }) {
  const { db, bus } = deps;

  type Applied = { result: SyncOpResult; events: Parameters<EventBus['publish']>[0][] };

  const answer = (op: SyncOperation, outcome: Outcome): Applied =>
    outcome.ok
      ? {
          result: { id: op.id, status: 'applied', seq: outcome.seq, card: outcome.card },
          events: outcome.events,
        }
      : {
          result: { id: op.id, status: 'rejected', ...outcome.refusal, reason: outcome.reason },
          events: [],
        };
  const asOriginal = (outcome: Outcome): Original =>
    outcome.ok
      ? { status: 'applied', seq: outcome.seq, reason: null, code: null, params: null }
      : { status: 'rejected', seq: null, reason: outcome.reason, ...outcome.refusal };

  /**
   * The whole batch in one transaction (one commit, one fsync). The feed lock is taken first, so pushes
   * apply one after another and a repeated id is always found committed. Consecutive new cards are
   * applied together; everything else in order, one by one.
   */
  async function pushBatch(p: Principal, operations: readonly SyncOperation[]): Promise<Applied[]> {
    return db.transaction(async (tx) => {
      await lockFeed(tx);
      const claimed = await ledger.claim(tx, p.accountId, operations);
      const earlier = await ledger.originals(
        tx,
        operations.filter((op) => !claimed.has(op.id)).map((op) => op.id),
      );
      const outcomes = new Map<string, Original>();
      const applied: (Applied | undefined)[] = [];
      const seen = new Set<string>();
      let run: { index: number; op: CardCreate }[] = [];

      const flushRun = async () => {
        if (run.length === 0) return;
        const results = await applyCardCreates(
          tx,
          deps,
          p,
          run.map((r) => r.op),
        );
        run.forEach(({ index, op }, i) => {
          const outcome = results[i];
          if (!outcome) throw new Error('a new card got no outcome');
          applied[index] = answer(op, outcome);
          outcomes.set(op.id, asOriginal(outcome));
        });
        run = [];
      };

      for (const [index, op] of operations.entries()) {
        if (!claimed.has(op.id) || seen.has(op.id)) continue;
        seen.add(op.id);
        if (op.type === 'card.create') {
          run.push({ index, op });
          continue;
        }
        await flushRun();
        const outcome = await applyOperation(tx, deps, p, op);
        applied[index] = answer(op, outcome);
        outcomes.set(op.id, asOriginal(outcome));
      }
      await flushRun();
      await ledger.record(tx, outcomes);

      // Repeats: of an earlier push, or of an operation that appears twice in this one.
      return operations.map((op, index): Applied => {
        const done = applied[index];
        if (done) return done;
        const original = earlier.get(op.id) ?? outcomes.get(op.id);
        if (!original) throw new Error(`operation ${op.id} has no answer`);
        return { result: { id: op.id, status: 'duplicate', original }, events: [] };
      });
    });
  }

  return {
    /** Operations in the console's order, applied exactly once; one refusal does not undo the rest. */
    async push(p: Principal, operations: readonly SyncOperation[]): Promise<SyncOpResult[]> {
      const applied = await pushBatch(p, operations);
      for (const { events } of applied) for (const e of events) await bus.publish(e);
      return applied.map((a) => a.result);
    },

    async pull(p: Principal, since: number, limit: number): Promise<SyncPullResponse> {
      const { changes, hasMore } = await readChanges(db, {
        since,
        limit,
        departmentIds: DepartmentDirectory.scopeIds(p.scope),
        accountId: p.accountId,
      });
      const visible = can(p.role, 'applicant.read')
        ? changes
        : changes.map((c) => (c.entity === 'card' ? { ...c, card: { ...c.card, applicant: null } } : c));
      return { changes: visible, cursor: changes.at(-1)?.seq ?? since, hasMore };
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
