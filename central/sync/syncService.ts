import { refusal } from '../../domain/contract/refusal';
import type { Card } from '../../domain/cards/card';
import type { Change, SyncOperation, SyncOpResult, SyncPullResponse } from '../../domain/sync/sync';
import type { AccessPolicy } from '../access/accessPolicy';
import { mayReadIdentity } from '../access/rules';
import type { Principal } from '../session/principal';
import type { Database, Sql } from '../db/database';
import { refusedByDatabase, savepoints } from '../db/savepoints';
import { DepartmentDirectory } from '../departments/departmentRepository';
import { feedRepository } from '../feed/feedRepository';
import type { EventBus } from '../bus/bus';
import { type CardCreate, applyCardCreates } from './cardWrites';
import { type Claimed, ledgerRepository, type Original } from './ledgerRepository';
import { applyOperation } from './operations';
import { type OperationDeps, type Outcome, refused } from './outcome';

/**
 * Applies pushed operations exactly once: the operation id is claimed in `sync_operations` in the same
 * transaction as its effect. A concurrent push of the same id waits for that transaction and then answers
 * `duplicate`; a push whose answer was lost is answered `duplicate` when the console retries; an id another
 * account pushed first is a `conflict`, and nothing of that operation is told to the second account.
 * A batch is one transaction: central's commit, not each operation's, is what the console waits for.
 * When the database refuses to store an operation (a NUL character, a failed constraint), the batch is
 * applied again with each operation in its own savepoint: that one is rejected alone (`op.unstorable`)
 * and the rest is stored. (Not every time: rows written in savepoints are slower to read back.)
 */
export function createSyncService(
  deps: OperationDeps & { db: Database; bus: EventBus; access: AccessPolicy },
) {
  const { db, bus, access } = deps;

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
  const unstorable = () =>
    refused(refusal('op.unstorable'), 'the database refused to store this operation (e.g. a NUL character)');
  const repeat = (p: Principal, op: SyncOperation, original: Claimed | Original): SyncOpResult =>
    'accountId' in original && original.accountId !== p.accountId
      ? {
          id: op.id,
          status: 'rejected',
          ...refusal('op.conflict'),
          reason: 'another account already used this operation id',
        }
      : {
          id: op.id,
          status: 'duplicate',
          original: {
            status: original.status,
            seq: original.seq,
            reason: original.reason,
            code: original.code,
            params: original.params,
          },
        };

  /** Runs `apply` in a savepoint; the database's refusal of the data is the operations' own refusal. */
  async function storable<T>(
    steps: ReturnType<typeof savepoints>,
    apply: () => Promise<T>,
    onRefused: () => Promise<T>,
  ): Promise<T> {
    const attempt = await steps.attempt(apply);
    if (attempt.ok) return attempt.value;
    if (!refusedByDatabase(attempt.error)) throw attempt.error;
    return onRefused();
  }

  /** A run of new cards together; when the database refuses the run, each card alone. */
  async function createRun(
    tx: Sql,
    steps: ReturnType<typeof savepoints>,
    p: Principal,
    run: readonly CardCreate[],
  ): Promise<Outcome[]> {
    return storable(
      steps,
      () => applyCardCreates(tx, deps, p, run),
      async () => {
        if (run.length === 1) return [unstorable()];
        const alone: Outcome[] = [];
        for (const op of run) alone.push(...(await createRun(tx, steps, p, [op])));
        return alone;
      },
    );
  }

  /**
   * The whole batch in one transaction (one commit, one fsync). The feed lock is taken first, so pushes
   * apply one after another and a repeated id is always found committed. Consecutive new cards are
   * applied together; everything else in order, one by one.
   */
  async function pushBatch(
    p: Principal,
    operations: readonly SyncOperation[],
    separately: boolean,
  ): Promise<Applied[]> {
    return db.transaction(async (tx) => {
      await feedRepository.lock(tx);
      const claimed = await ledgerRepository.claim(tx, p.accountId, operations);
      const earlier = await ledgerRepository.originals(
        tx,
        operations.filter((op) => !claimed.has(op.id)).map((op) => op.id),
      );
      const steps = savepoints(tx, separately);
      const outcomes = new Map<string, Original>();
      const applied: (Applied | undefined)[] = [];
      const seen = new Set<string>();
      let run: { index: number; op: CardCreate }[] = [];
      const settle = (index: number, op: SyncOperation, outcome: Outcome | undefined) => {
        if (!outcome) throw new Error(`operation ${op.id} got no outcome`);
        applied[index] = answer(op, outcome);
        outcomes.set(op.id, asOriginal(outcome));
      };

      const flushRun = async () => {
        if (run.length === 0) return;
        const results = await createRun(
          tx,
          steps,
          p,
          run.map((r) => r.op),
        );
        run.forEach(({ index, op }, i) => settle(index, op, results[i]));
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
        settle(
          index,
          op,
          await storable(
            steps,
            () => applyOperation(tx, deps, p, op),
            async () => unstorable(),
          ),
        );
      }
      await flushRun();
      await ledgerRepository.record(tx, outcomes);

      // Repeats: of an earlier push, or of an operation that appears twice in this one.
      return operations.map((op, index): Applied => {
        const done = applied[index];
        if (done) return done;
        const original = earlier.get(op.id) ?? outcomes.get(op.id);
        if (!original) throw new Error(`operation ${op.id} has no answer`);
        return { result: repeat(p, op, original), events: [] };
      });
    });
  }

  /** The cards of the answers as the principal may see them (central/access): one audit for all. */
  async function visibleResults(p: Principal, results: SyncOpResult[]): Promise<SyncOpResult[]> {
    const cards = results.flatMap((r) => (r.status === 'applied' && r.card ? [r.card] : []));
    const shown = await access.visible(p, cards, 'POST /api/sync/push');
    let next = 0;
    return results.map((r) => (r.status === 'applied' && r.card ? { ...r, card: shown[next++] ?? null } : r));
  }

  return {
    /** Operations in the console's order, applied exactly once; one refusal does not undo the rest. */
    async push(p: Principal, operations: readonly SyncOperation[]): Promise<SyncOpResult[]> {
      const applied = await pushBatch(p, operations, false).catch((error: unknown) => {
        if (refusedByDatabase(error)) return pushBatch(p, operations, true);
        throw error;
      });
      for (const { events } of applied) for (const e of events) await bus.publish(e);
      return visibleResults(
        p,
        applied.map((a) => a.result),
      );
    },

    async pull(p: Principal, since: number, limit: number): Promise<SyncPullResponse> {
      const { changes, hasMore } = await feedRepository.read(db, {
        since,
        limit,
        departmentIds: DepartmentDirectory.scopeIds(p.scope),
        accountId: p.accountId,
        withIdentity: mayReadIdentity(p),
      });
      const cards = await access.visible(
        p,
        changes.flatMap((c) => (c.entity === 'card' ? [c.card] : [])),
        'GET /api/sync/pull',
      );
      let next = 0;
      const visible = changes.map((c): Change =>
        c.entity === 'card' ? { ...c, card: cards[next++] as Card } : c,
      );
      return { changes: visible, cursor: changes.at(-1)?.seq ?? since, hasMore };
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
