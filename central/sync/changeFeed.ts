import { type Change, ChangeSchema } from '../../domain/sync/sync';
import type { Sql } from '../db/database';

export interface NewChange {
  entity: 'card' | 'chat';
  entityId: string;
  departmentId: string | null;
  ownerId: string | null;
  payload: unknown;
}

/**
 * Taken by a transaction before it appends: appenders then commit in sequence order, so a reader at
 * cursor N never later finds a smaller sequence number appear behind it (bigserial alone allows that).
 */
export async function lockFeed(tx: Sql): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(1020002)');
}

/** Appends changes in the given order and returns their sequence numbers; the caller holds `lockFeed`. */
export async function appendChanges(tx: Sql, changes: readonly NewChange[]): Promise<number[]> {
  if (changes.length === 0) return [];
  const rows = await tx.query<{ seq: number | string }>(
    `insert into changes (entity, entity_id, department_id, owner_id, payload)
     select entity, entity_id, department_id, owner_id, payload
     from unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::jsonb[])
       with ordinality as u(entity, entity_id, department_id, owner_id, payload, ord)
     order by ord
     returning seq`,
    [
      changes.map((c) => c.entity),
      changes.map((c) => c.entityId),
      changes.map((c) => c.departmentId),
      changes.map((c) => c.ownerId),
      changes.map((c) => JSON.stringify(c.payload)),
    ],
  );
  // Sequence values are drawn in insertion order; sorting keeps the pairing whatever order RETURNING uses.
  const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  if (seqs.length !== changes.length) throw new Error('the change feed returned fewer rows than appended');
  return seqs;
}

export async function appendChange(tx: Sql, change: NewChange): Promise<number> {
  const [seq] = await appendChanges(tx, [change]);
  if (seq === undefined) throw new Error('the change feed returned no row');
  return seq;
}

export async function readChanges(
  db: Sql,
  q: { since: number; limit: number; departmentIds: string[] | null; accountId: string },
): Promise<{ changes: Change[]; hasMore: boolean }> {
  const rows = await db.query<{
    seq: number | string;
    entity: 'card' | 'chat';
    payload: Record<string, unknown>;
  }>(
    `select seq, entity, payload from changes
     where seq > $1 and ($2::text[] is null or department_id = any($2::text[]) or department_id is null or owner_id = $3)
     order by seq limit $4`,
    [q.since, q.departmentIds, q.accountId, q.limit + 1],
  );
  // The JSON column is a boundary like any other: parsed, not cast.
  const changes = rows.slice(0, q.limit).map((r): Change => {
    const seq = Number(r.seq);
    return ChangeSchema.parse(
      r.entity === 'card'
        ? { seq, entity: 'card', card: r.payload }
        : { seq, entity: 'chat', message: r.payload },
    );
  });
  return { changes, hasMore: rows.length > q.limit };
}
