import type { Card } from '../../domain/cards/card';
import type { ChatMessage } from '../../domain/appeals/appeal';
import { type Change, ChangeSchema } from '../../domain/sync/sync';
import type { Sql } from '../db/database';

/** One entry to append: a card as it now is, or a chat line, with who may see it. */
export type NewChange =
  | { entity: 'card'; card: Card; ownerId: string | null }
  | { entity: 'chat'; message: ChatMessage; departmentId: string | null; ownerId: string | null };

/**
 * The change feed consoles pull (`changes`), written by intake and by sync in the transaction of the change.
 *
 * A card's entry is stored without the applicant: the identity is joined from the card as it is when the
 * feed is read. So an applicant removed from a card (or corrected) is gone from every older entry too,
 * with no rewrite of the feed — and a feed that never held an identity cannot leak one (issue 11, item 5).
 * The identity is joined only while the card itself is visible to the reader: an older entry of a card
 * that has since moved to another territory does not carry what was written about it there.
 */
export const feedRepository = {
  /**
   * Taken by a transaction before it appends: appenders then commit in sequence order, so a reader at
   * cursor N never later finds a smaller sequence number appear behind it (bigserial alone allows that).
   */
  async lock(tx: Sql): Promise<void> {
    await tx.query('select pg_advisory_xact_lock(1020002)');
  },

  /** Appends changes in the given order and returns their sequence numbers; the caller holds `lock`. */
  async append(tx: Sql, changes: readonly NewChange[]): Promise<number[]> {
    if (changes.length === 0) return [];
    const rows = await tx.query<{ seq: number | string }>(
      `insert into changes (entity, entity_id, department_id, owner_id, payload)
       select entity, entity_id, department_id, owner_id, payload
       from unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[])
         with ordinality as u(entity, entity_id, department_id, owner_id, payload, ord)
       order by ord
       returning seq`,
      [
        changes.map((c) => c.entity),
        changes.map((c) => (c.entity === 'card' ? c.card.id : c.message.id)),
        changes.map((c) => (c.entity === 'card' ? (c.card.departmentId ?? null) : c.departmentId)),
        changes.map((c) => c.ownerId),
        // Sealed (central/db/personalData.ts): a card's words and address, a chat line's text.
        changes.map((c) =>
          tx.sealed.sealJson(c.entity === 'card' ? { ...c.card, applicant: null } : c.message),
        ),
      ],
    );
    // Sequence values are drawn in insertion order; sorting keeps the pairing whatever order RETURNING uses.
    const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    if (seqs.length !== changes.length) throw new Error('the change feed returned fewer rows than appended');
    return seqs;
  },

  /** The newest position of the feed. */
  async lastSeq(tx: Sql): Promise<number> {
    const rows = await tx.query<{ seq: number | string }>('select coalesce(max(seq), 0) as seq from changes');
    return Number(rows[0]?.seq ?? 0);
  },

  /**
   * Changes after `since` of the given departments (null: all), the fallback queue and the account's own;
   * `withIdentity`: whether to join the cards' current applicants (null otherwise, with no join).
   */
  async read(
    db: Sql,
    q: {
      since: number;
      limit: number;
      departmentIds: string[] | null;
      accountId: string;
      withIdentity: boolean;
    },
  ): Promise<{ changes: Change[]; hasMore: boolean }> {
    const rows = await db.query<{
      seq: number | string;
      entity: 'card' | 'chat';
      payload: string;
      fields: string | null;
    }>(
      q.withIdentity
        ? `select c.seq, c.entity, c.payload, k.fields
           from changes c left join cards k on c.entity = 'card' and k.id = c.entity_id
             and ($2::text[] is null or k.department_id = any($2::text[]) or k.department_id is null or k.created_by = $3)
           where c.seq > $1
             and ($2::text[] is null or c.department_id = any($2::text[]) or c.department_id is null or c.owner_id = $3)
           order by c.seq limit $4`
        : `select c.seq, c.entity, c.payload, null as fields from changes c
           where c.seq > $1
             and ($2::text[] is null or c.department_id = any($2::text[]) or c.department_id is null or c.owner_id = $3)
           order by c.seq limit $4`,
      [q.since, q.departmentIds, q.accountId, q.limit + 1],
    );
    // The JSON columns are a boundary like any other: opened and parsed, not cast. The applicant is the
    // card's current one, read from its (sealed) fields.
    const s = db.sealed;
    const changes = rows.slice(0, q.limit).map((r): Change => {
      const seq = Number(r.seq);
      const payload = s.openJson(r.payload) as Record<string, unknown>;
      const fields = r.fields === null ? null : (s.openJson(r.fields) as { applicant?: unknown });
      return ChangeSchema.parse(
        r.entity === 'card'
          ? { seq, entity: 'card', card: { ...payload, applicant: fields?.applicant ?? null } }
          : { seq, entity: 'chat', message: payload },
      );
    });
    return { changes, hasMore: rows.length > q.limit };
  },
};
