import type { Card } from '../../domain/cards/card';
import type { ChatMessage } from '../../domain/appeals/appeal';
import { type Change, ChangeSchema } from '../../domain/sync/sync';
import type { Sql } from '../db/database';

/**
 * One entry to append, with who may read it: a card as it now is (`audience`: see `audienceOf`), a card that left
 * an audience (read by that audience: only its id, version and new department, nothing written about it), or a
 * chat line.
 */
export type NewChange =
  | { entity: 'card'; card: Card; ownerId: string | null; audience: string | null }
  | {
      entity: 'cardMoved';
      cardId: string;
      version: number;
      departmentId: string | null;
      audience: string | null;
      ownerId: string | null;
    }
  | { entity: 'chat'; message: ChatMessage; departmentId: string | null; ownerId: string | null };

/**
 * The department whose staff read a card's entries and events: its own. A card of no department is the fallback
 * queue's, everybody's, once sent; a draft with no place yet is still its author's work and stays with the
 * author's department (issue 14: such drafts reached every territory's console).
 */
export const audienceOfCard = (
  card: Pick<Card, 'departmentId' | 'status'>,
  authorDepartmentId: string | null,
): string | null => card.departmentId ?? (card.status === 'draft' ? authorDepartmentId : null);

const entityIdOf = (c: NewChange) =>
  c.entity === 'card' ? c.card.id : c.entity === 'cardMoved' ? c.cardId : c.message.id;
const readersOf = (c: NewChange) => (c.entity === 'chat' ? c.departmentId : c.audience);
const payloadOf = (c: NewChange) =>
  c.entity === 'card'
    ? { ...c.card, applicant: null }
    : c.entity === 'cardMoved'
      ? { cardId: c.cardId, version: c.version, departmentId: c.departmentId }
      : c.message;

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
        changes.map(entityIdOf),
        changes.map(readersOf),
        changes.map((c) => c.ownerId),
        // Sealed (central/db/personalData.ts): a card's words and address, a chat line's text.
        changes.map((c) => tx.sealed.sealJson(payloadOf(c))),
      ],
    );
    // Sequence values are drawn in insertion order; sorting keeps the pairing whatever order RETURNING uses.
    const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    if (seqs.length !== changes.length) throw new Error('the change feed returned fewer rows than appended');
    return seqs;
  },

  /** `audienceOfCard` for a card whose author's department is read here (only a draft with no place needs it). */
  async audienceOf(
    tx: Sql,
    card: Pick<Card, 'departmentId' | 'status'>,
    authorId: string | null,
  ): Promise<string | null> {
    if (card.departmentId || card.status !== 'draft' || authorId === null) return card.departmentId ?? null;
    const [author] = await tx.query<{ department_id: string | null }>(
      'select department_id from accounts where id = $1',
      [authorId],
    );
    return audienceOfCard(card, author?.department_id ?? null);
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
      entity: 'card' | 'cardMoved' | 'chat';
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
          : r.entity === 'cardMoved'
            ? { seq, entity: 'cardMoved', ...payload }
            : { seq, entity: 'chat', message: payload },
      );
    });
    return { changes, hasMore: rows.length > q.limit };
  },
};
