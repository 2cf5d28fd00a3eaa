import { type Refusal, RefusalOnWireSchema, readRefusal } from '../../domain/contract/refusal';
import type { SyncOperation } from '../../domain/sync/sync';
import type { Sql } from '../db/database';

/** What central answered an operation the first time: repeated for every later `duplicate`. */
export interface Original {
  status: 'applied' | 'rejected';
  seq: number | null;
  reason: string | null;
  /** Null when applied, and for a refusal recorded before refusals had codes. */
  code: Refusal['code'] | null;
  params: Refusal['params'] | null;
}

/** An earlier answer, with the account that pushed the operation: another account's repeat is a conflict. */
export type Claimed = Original & { accountId: string };

/**
 * The ledger of applied operations (`sync_operations`), written in the same transaction as their effects.
 * A batch touches it with three statements whatever its size: claim, read the earlier answers, record.
 */
export const ledgerRepository = {
  /**
   * Claims the ids not seen before; a concurrent transaction claiming the same id waits for this one and
   * then finds it taken. Ids are claimed in sorted order, so two overlapping batches cannot deadlock here.
   */
  async claim(tx: Sql, accountId: string, ops: readonly SyncOperation[]): Promise<Set<string>> {
    const sorted = [...ops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = await tx.query<{ id: string }>(
      `insert into sync_operations (id, account_id, type, card_id, status)
       select id, $1, type, card_id, 'applied'
       from unnest($2::uuid[], $3::text[], $4::uuid[]) with ordinality as u(id, type, card_id, ord)
       order by ord
       on conflict (id) do nothing returning id`,
      [accountId, sorted.map((o) => o.id), sorted.map((o) => o.type), sorted.map((o) => o.cardId)],
    );
    return new Set(rows.map((r) => r.id));
  },

  async originals(tx: Sql, ids: readonly string[]): Promise<Map<string, Claimed>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.query<{
      id: string;
      account_id: string;
      status: Original['status'];
      seq: number | string | null;
      reason: string | null;
      refusal: unknown;
    }>(
      'select id, account_id, status, seq, reason, refusal from sync_operations where id = any($1::uuid[])',
      [ids],
    );
    return new Map(
      rows.map((r) => {
        const stored = RefusalOnWireSchema.nullable().safeParse(r.refusal);
        const refused = stored.success && stored.data ? readRefusal(stored.data) : null;
        return [
          r.id,
          {
            accountId: r.account_id,
            status: r.status,
            seq: r.seq === null ? null : Number(r.seq),
            reason: r.reason,
            code: refused?.code ?? null,
            params: refused?.params ?? null,
          },
        ];
      }),
    );
  },

  /** Records how each claimed operation ended, for the answers to its repeats. */
  async record(tx: Sql, outcomes: ReadonlyMap<string, Original>): Promise<void> {
    if (outcomes.size === 0) return;
    const entries = [...outcomes];
    await tx.query(
      `update sync_operations s set status = u.status, seq = u.seq, reason = u.reason, refusal = u.refusal
       from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[])
         as u(id, status, seq, reason, refusal)
       where s.id = u.id`,
      [
        entries.map(([id]) => id),
        entries.map(([, o]) => o.status),
        entries.map(([, o]) => o.seq),
        entries.map(([, o]) => o.reason),
        entries.map(([, o]) => (o.code ? JSON.stringify({ code: o.code, params: o.params ?? {} }) : null)),
      ],
    );
  },
};
