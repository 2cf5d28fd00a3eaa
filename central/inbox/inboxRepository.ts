import type { Attachment } from '../../domain/appeals/appeal';
import { iso } from '../accounts/accountRepository';
import type { InboxItem } from '../../domain/inbox/inbox';
import type { Sql } from '../db/database';

interface WaitingRow {
  id: string;
  number: string;
  kind: InboxItem['kind'];
  channel: InboxItem['channel'];
  via: InboxItem['via'];
  language: InboxItem['language'];
  category: InboxItem['category'];
  text: string | null;
  lat: number | null;
  lon: number | null;
  address_text: string | null;
  department_id: string | null;
  anonymous: boolean;
  created_at: Date | string;
  claimed_by: string | null;
}

interface AttachmentRow {
  appeal_id: string;
  id: string;
  kind: Attachment['kind'];
  name: string;
  content_type: string;
  bytes: number | string;
}

/**
 * What is waiting for operators: appeals still `registered` (no card opened from them, not forwarded, no call
 * taken), with who has claimed each. SQL only here; the order is domain/inbox's `inboxOrder`, done by the query.
 */
export function createInboxRepository(db: Sql) {
  return {
    /**
     * Waiting items of the departments (null: every one) and of the fallback queue, most urgent first: two
     * queries whatever the count (10,000 items are one list). No applicant column is read: the list has no identity.
     */
    async waiting(departmentIds: string[] | null, limit: number): Promise<InboxItem[]> {
      const rows = await db.query<WaitingRow>(
        `select a.id, a.number, a.kind, a.channel, a.via, a.language, a.category, a.text, a.lat, a.lon,
           a.address_text, a.department_id, a.anonymous, a.created_at, c.account_id as claimed_by
         from appeals a left join inbox_claims c on c.appeal_id = a.id
         where a.status = 'registered'
           and ($1::text[] is null or a.department_id = any($1::text[]) or a.department_id is null)
         order by case a.kind when 'sos' then 0 when 'callRequest' then 1 else 2 end, a.created_at
         limit $2`,
        [departmentIds, limit],
      );
      const attachments = await db.query<AttachmentRow>(
        `select appeal_id, id, kind, name, content_type, bytes from attachments
         where appeal_id = any($1::uuid[]) and purged_at is null order by created_at`,
        [rows.map((r) => r.id)],
      );
      // The citizen's words, address and file names are stored sealed (central/db/personalData.ts).
      const sealed = db.sealed;
      const byAppeal = new Map<string, Attachment[]>();
      for (const a of attachments)
        byAppeal.set(a.appeal_id, [
          ...(byAppeal.get(a.appeal_id) ?? []),
          {
            id: a.id,
            kind: a.kind,
            name: sealed.open(a.name),
            contentType: a.content_type,
            bytes: Number(a.bytes),
          },
        ]);
      return rows.map((r) => ({
        appealId: r.id,
        number: r.number,
        kind: r.kind,
        channel: r.channel,
        via: r.via,
        language: r.language,
        category: r.category,
        text: sealed.openNullable(r.text),
        location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
        addressText: sealed.openNullable(r.address_text),
        departmentId: r.department_id,
        anonymous: r.anonymous,
        attachments: byAppeal.get(r.id) ?? [],
        receivedAt: iso(r.created_at),
        claimedBy: r.claimed_by,
      }));
    },

    /** The first claim wins; the same operator claiming again keeps it. Null: someone else has it. */
    async claim(appealId: string, accountId: string): Promise<{ claimedBy: string } | null> {
      const rows = await db.query<{ account_id: string }>(
        `insert into inbox_claims (appeal_id, account_id) values ($1, $2)
         on conflict (appeal_id) do update set claimed_at = inbox_claims.claimed_at
           where inbox_claims.account_id = excluded.account_id
         returning account_id`,
        [appealId, accountId],
      );
      return rows[0] ? { claimedBy: rows[0].account_id } : null;
    },

    async release(appealId: string, accountId: string): Promise<boolean> {
      const rows = await db.query(
        'delete from inbox_claims where appeal_id = $1 and account_id = $2 returning 1',
        [appealId, accountId],
      );
      return rows.length > 0;
    },

    /** Every claim of an account whose console went away; the appeals it held, to announce them free. */
    async releaseAll(accountId: string): Promise<{ appealId: string; departmentId: string | null }[]> {
      return (
        await db.query<{ appeal_id: string; department_id: string | null }>(
          `delete from inbox_claims c using appeals a where c.account_id = $1 and a.id = c.appeal_id
           returning c.appeal_id, a.department_id`,
          [accountId],
        )
      ).map((r) => ({ appealId: r.appeal_id, departmentId: r.department_id }));
    },

    async claimOf(appealId: string): Promise<string | null> {
      const rows = await db.query<{ account_id: string }>(
        'select account_id from inbox_claims where appeal_id = $1',
        [appealId],
      );
      return rows[0]?.account_id ?? null;
    },

    /**
     * Forwards a waiting text to a service in one transaction: the forward is recorded, the claim dropped and the
     * appeal leaves the inbox (`forwardedToService`). False when it was no longer waiting.
     */
    async forward(
      tx: Sql,
      f: { appealId: string; serviceId: string; reason: string; accountId: string },
    ): Promise<boolean> {
      const moved = await tx.query(
        `update appeals set status = 'forwardedToService', updated_at = now()
         where id = $1 and status = 'registered' and kind = 'text' returning 1`,
        [f.appealId],
      );
      if (moved.length === 0) return false;
      await tx.query(
        'insert into appeal_forwards (appeal_id, service_id, reason, account_id) values ($1, $2, $3, $4)',
        [f.appealId, f.serviceId, f.reason, f.accountId],
      );
      await tx.query('delete from inbox_claims where appeal_id = $1', [f.appealId]);
      return true;
    },

    /** Where an appeal stands for an inbox action: null when there is no such appeal. */
    async stateOf(
      appealId: string,
    ): Promise<{ departmentId: string | null; status: string; kind: InboxItem['kind'] } | null> {
      const rows = await db.query<{ department_id: string | null; status: string; kind: InboxItem['kind'] }>(
        'select department_id, status, kind from appeals where id = $1',
        [appealId],
      );
      const row = rows[0];
      return row ? { departmentId: row.department_id, status: row.status, kind: row.kind } : null;
    },

    /** Who holds each of these appeals (those nobody claimed are absent). */
    async claimsOf(appealIds: readonly string[]): Promise<Map<string, string>> {
      if (appealIds.length === 0) return new Map();
      const rows = await db.query<{ appeal_id: string; account_id: string }>(
        'select appeal_id, account_id from inbox_claims where appeal_id = any($1::uuid[])',
        [appealIds],
      );
      return new Map(rows.map((r) => [r.appeal_id, r.account_id]));
    },

    /** Records a waiting appeal as a duplicate of a card (inside the caller's transaction). */
    async linkDuplicate(tx: Sql, l: { appealId: string; cardId: string; accountId: string }): Promise<void> {
      await tx.query(
        'insert into appeal_duplicates (appeal_id, card_id, account_id) values ($1, $2, $3) on conflict do nothing',
        [l.appealId, l.cardId, l.accountId],
      );
    },

    /** The card an appeal was linked to as a duplicate, if it was. */
    async duplicateOf(appealId: string): Promise<string | null> {
      const rows = await db.query<{ card_id: string }>(
        'select card_id from appeal_duplicates where appeal_id = $1',
        [appealId],
      );
      return rows[0]?.card_id ?? null;
    },

    /** The service an appeal went to, for the citizen's view. */
    async forwardedTo(appealId: string): Promise<string | null> {
      const rows = await db.query<{ service_id: string }>(
        'select service_id from appeal_forwards where appeal_id = $1',
        [appealId],
      );
      return rows[0]?.service_id ?? null;
    },
  };
}
export type InboxRepository = ReturnType<typeof createInboxRepository>;
