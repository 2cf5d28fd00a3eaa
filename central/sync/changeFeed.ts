import { type Change, ChangeSchema } from '../../domain/sync';
import type { Sql } from '../db/database';

/**
 * Appends to the change feed. The advisory lock makes appenders commit in sequence order, so a reader
 * at cursor N never later finds a smaller sequence number appear behind it (bigserial alone allows that).
 */
export async function appendChange(
  tx: Sql,
  c: {
    entity: 'card' | 'chat';
    entityId: string;
    departmentId: string | null;
    ownerId: string | null;
    payload: unknown;
  },
): Promise<number> {
  await tx.query('select pg_advisory_xact_lock(1020002)');
  const rows = await tx.query<{ seq: number | string }>(
    `insert into changes (entity, entity_id, department_id, owner_id, payload) values ($1, $2, $3, $4, $5::jsonb) returning seq`,
    [c.entity, c.entityId, c.departmentId, c.ownerId, JSON.stringify(c.payload)],
  );
  return Number(rows[0]?.seq);
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
