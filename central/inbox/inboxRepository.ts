import type { AppealStaffView } from '../../domain/appeals/appeal';
import type { InboxItem } from '../../domain/inbox/inbox';
import type { Sql } from '../db/database';

interface WaitingRow {
  id: string;
  claimed_by: string | null;
}

/**
 * What is waiting for operators: appeals still `registered` (no card opened from them, not forwarded, no call
 * taken), with who has claimed each. SQL only here; the order and the shape are domain/inbox's.
 */
export function createInboxRepository(db: Sql) {
  return {
    /** Waiting appeal ids of the departments (null: every one) and of the fallback queue, with their claims. */
    async waiting(departmentIds: string[] | null, limit: number): Promise<WaitingRow[]> {
      return db.query<WaitingRow>(
        `select a.id, c.account_id as claimed_by from appeals a
         left join inbox_claims c on c.appeal_id = a.id
         where a.status = 'registered'
           and ($1::text[] is null or a.department_id = any($1::text[]) or a.department_id is null)
         order by case a.kind when 'sos' then 0 when 'callRequest' then 1 else 2 end, a.created_at
         limit $2`,
        [departmentIds, limit],
      );
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

/** An appeal as the inbox lists it: no identity (the list is not an audited read), its claim marked. */
export const inboxItemOf = (appeal: AppealStaffView, claimedBy: string | null): InboxItem => ({
  appealId: appeal.id,
  number: appeal.number,
  kind: appeal.kind,
  channel: appeal.channel,
  via: appeal.via,
  language: appeal.language,
  category: appeal.category,
  text: appeal.text,
  location: appeal.location,
  addressText: appeal.addressText,
  departmentId: appeal.departmentId,
  anonymous: appeal.anonymous,
  attachments: appeal.attachments,
  receivedAt: appeal.createdAt,
  claimedBy,
});
