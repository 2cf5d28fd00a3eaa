import type { Database, Sql } from '../db/database';

/** What was read: an applicant's identity, a citizen's attachment, a call recording. */
export type AuditAction = 'applicant.read' | 'attachment.read' | 'recording.read';

export interface AuditEntry {
  /** Who read it; null for central itself. */
  accountId: string | null;
  action: AuditAction;
  /** The appeal, card, attachment or recording read. */
  subjectId: string;
  /** Why: the request that needed it (e.g. `GET /api/staff/appeals/:id`). */
  reason: string;
}

/** Serialises appends, so each entry chains onto the one before it across every instance. */
const CHAIN_LOCK = 1020002;

/**
 * The same canonical text and hash as migration 0080 and `verifyAuditChain`: fields joined by U+001F, the
 * time in UTC to the microsecond, sha256 over the previous hash followed by that text.
 */
const hashAfter = (
  previous: string,
) => `sha256(coalesce(${previous}, ''::bytea) || convert_to(concat_ws(E'\\x1f',
  coalesce(e.account_id::text, ''), e.action, e.subject_id, e.reason,
  to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), 'UTF8'))`;

/** The append-only, hash-chained log of every read of personal data (architecture.md "Personal data"). */
export function createAuditLog(db: Database) {
  /**
   * Appends entries in order with one statement, each chained onto the one before it: a pull or a socket
   * event that shows many identities is audited entry by entry without a round trip per entry.
   */
  async function recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      await tx.query(
        `with recursive entry as (
             select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
               with ordinality as u(account_id, action, subject_id, reason, ord)
           ), chain as (
             select e.ord, e.account_id, e.action, e.subject_id, e.reason, prev.hash as prev_hash,
               ${hashAfter('prev.hash')} as hash
             from entry e left join lateral (select hash from audit_log order by id desc limit 1) prev on true
             where e.ord = 1
             union all
             select e.ord, e.account_id, e.action, e.subject_id, e.reason, c.hash, ${hashAfter('c.hash')}
             from entry e join chain c on e.ord = c.ord + 1
           )
           insert into audit_log (account_id, action, subject_id, reason, prev_hash, hash)
           select account_id, action, subject_id, reason, prev_hash, hash from chain order by ord`,
        [
          entries.map((e) => e.accountId),
          entries.map((e) => e.action),
          entries.map((e) => e.subjectId),
          entries.map((e) => e.reason),
        ],
      );
    });
  }
  return { record: (entry: AuditEntry) => recordMany([entry]), recordMany };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

/** A page of the chain in order, for `verifyAuditChain`. */
export function readAuditChainPage(db: Sql, afterId: string, limit: number) {
  return db.query<{
    id: string;
    account_id: string | null;
    action: string;
    subject_id: string | null;
    reason: string;
    at_utc: string;
    prev_hash: Uint8Array | null;
    hash: Uint8Array;
  }>(
    `select id::text, account_id::text, action, subject_id, reason, prev_hash, hash,
                to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_utc
         from audit_log where audit_log.id > $1::bigint order by audit_log.id limit ${limit}`,
    [afterId],
  );
}
