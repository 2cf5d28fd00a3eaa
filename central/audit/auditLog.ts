import type { Database } from '../db/database';

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
const HASH_SQL = `sha256(coalesce(prev.hash, ''::bytea) || convert_to(concat_ws(E'\\x1f',
  coalesce($1::text, ''), $2::text, $3::text, $4::text,
  to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), 'UTF8'))`;

/** The append-only, hash-chained log of every read of personal data (architecture.md "Personal data"). */
export function createAuditLog(db: Database) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
        await tx.query(
          `insert into audit_log (account_id, action, subject_id, reason, prev_hash, hash)
           select $1::uuid, $2, $3, $4, prev.hash, ${HASH_SQL}
           from (select 1) one left join lateral (select hash from audit_log order by id desc limit 1) prev on true`,
          [entry.accountId, entry.action, entry.subjectId, entry.reason],
        );
      });
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
