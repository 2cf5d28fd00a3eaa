import type { SyncOperation, SyncOpResult, SyncPullResponse } from '../../domain/sync';
import { can } from '../../domain/roles';
import type { Principal } from '../accounts/principal';
import type { Database, Sql } from '../db/database';
import { DepartmentDirectory } from '../departments/departmentRepository';
import type { EventBus } from '../realtime/bus';
import { readChanges } from './changeFeed';
import { applyOperation, type OperationDeps } from './operations';

/** PostgreSQL's unique_violation: a concurrent transaction created the same card first. */
const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === '23505';

/**
 * Applies pushed operations exactly once: the operation id is claimed in `sync_operations` in the same
 * transaction as its effect. A concurrent push of the same id waits on that row and then answers
 * `duplicate`; a push whose answer was lost is answered `duplicate` when the console retries.
 * A batch is one transaction: central's commit, not each operation's, is what the console waits for.
 */
export function createSyncService(deps: OperationDeps & { db: Database; bus: EventBus }) {
  const { db, bus } = deps;

  type Applied = { result: SyncOpResult; events: Parameters<EventBus['publish']>[0][] };

  /** One operation inside the batch's transaction: claim its id, then apply it or answer its earlier result. */
  async function applyOne(tx: Sql, p: Principal, op: SyncOperation): Promise<Applied> {
    const claimed = await tx.query(
      `insert into sync_operations (id, account_id, type, card_id, status) values ($1, $2, $3, $4, 'applied')
       on conflict (id) do nothing returning id`,
      [op.id, p.accountId, op.type, op.cardId],
    );
    if (claimed.length === 0) {
      const rows = await tx.query<{
        status: 'applied' | 'rejected';
        seq: number | string | null;
        reason: string | null;
      }>('select status, seq, reason from sync_operations where id = $1', [op.id]);
      const o = rows[0];
      if (!o) throw new Error('operation vanished');
      const original = { status: o.status, seq: o.seq === null ? null : Number(o.seq), reason: o.reason };
      return { result: { id: op.id, status: 'duplicate', original }, events: [] };
    }
    const outcome = await applyOperation(tx, deps, p, op);
    if (!outcome.ok) {
      await tx.query(`update sync_operations set status = 'rejected', reason = $2 where id = $1`, [
        op.id,
        outcome.reason,
      ]);
      return { result: { id: op.id, status: 'rejected', reason: outcome.reason }, events: [] };
    }
    await tx.query('update sync_operations set seq = $2 where id = $1', [op.id, outcome.seq]);
    return {
      result: { id: op.id, status: 'applied', seq: outcome.seq, card: outcome.card },
      events: outcome.events,
    };
  }

  /**
   * The whole batch in one transaction (one commit, one fsync), each operation behind its own savepoint:
   * a concurrent transaction that created the same card first only rolls that operation back, which is then
   * decided again against the winner's row.
   */
  async function pushBatch(p: Principal, operations: readonly SyncOperation[]): Promise<Applied[]> {
    return db.transaction(async (tx) => {
      const applied: Applied[] = [];
      for (const op of operations) {
        for (let attempt = 0; ; attempt++) {
          await tx.query('savepoint sync_op');
          try {
            applied.push(await applyOne(tx, p, op));
            await tx.query('release savepoint sync_op');
            break;
          } catch (error) {
            await tx.query('rollback to savepoint sync_op');
            if (!isUniqueViolation(error) || attempt >= 3) throw error;
          }
        }
      }
      return applied;
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
