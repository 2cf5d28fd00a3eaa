import type { Database, Sql } from '../db/database';
import { chainHash } from './chainHash';

/**
 * What was read — an applicant's identity, a citizen's attachment, a call recording, a person's reference
 * records (§15) — or what the digitalisation unit changed (§28): an account, a locked login, the territories,
 * a competent service or a unit of the directories.
 */
export type AuditAction =
  | 'applicant.read'
  | 'attachment.read'
  | 'recording.read'
  | 'reference.check'
  | 'account.created'
  | 'account.changed'
  | 'account.deleted'
  | 'account.unlocked'
  | 'territories.imported'
  | 'service.created'
  | 'service.changed'
  | 'unit.created'
  | 'unit.changed';

export interface AuditEntry {
  /** Who read or changed it; null for central itself. */
  accountId: string | null;
  action: AuditAction;
  /** The appeal, card, attachment, recording or account read or changed (for a reference check: the card it was made for; the territories: the departments). */
  subjectId: string;
  /**
   * Why: the request that needed it (e.g. `GET /api/staff/appeals/:id`); for a change, the request and
   * what it changed (`PATCH /api/accounts/:id role,disabled`), never a password.
   */
  reason: string;
}

/** Serialises appends, so each entry chains onto the one before it across every instance. */
const CHAIN_LOCK = 1020002;

/**
 * The append-only, hash-chained log of every read of personal data (architecture.md "Personal data") and of
 * every change the digitalisation unit makes (§28).
 */
export function createAuditLog(db: Database) {
  /**
   * Appends entries in order, each chained onto the one before it (chainHash.ts), with one insert however
   * many: a pull or a socket event that shows many identities is audited without a round trip per entry.
   * The hashes are computed here, over the time the insert stamps (the transaction's `now()`).
   */
  async function recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await db.transaction((tx) => appendToAuditChain(tx, entries));
  }
  return { record: (entry: AuditEntry) => recordMany([entry]), recordMany };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

/**
 * Appends entries in the caller's transaction, for a read that must be audited exactly when its effect is stored
 * (a reference check queued on a console and applied once with its operation).
 */
export async function appendToAuditChain(tx: Sql, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const [head] = await tx.query<{ hash: Uint8Array | null; at_utc: string }>(
    `select (select hash from audit_log order by id desc limit 1) as hash,
           to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_utc`,
  );
  if (!head) throw new Error('the audit log answered nothing');
  let previous: Buffer | null = head.hash ? Buffer.from(head.hash) : null;
  const links = entries.map((e) => {
    const hash = chainHash(previous, { ...e, atUtc: head.at_utc });
    const link = { previous: previous?.toString('hex') ?? null, hash: hash.toString('hex') };
    previous = hash;
    return link;
  });
  await tx.query(
    `insert into audit_log (account_id, action, subject_id, reason, prev_hash, hash)
         select account_id, action, subject_id, reason, decode(prev_hash, 'hex'), decode(hash, 'hex')
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           with ordinality as u(account_id, action, subject_id, reason, prev_hash, hash, ord)
         order by ord`,
    [
      entries.map((e) => e.accountId),
      entries.map((e) => e.action),
      entries.map((e) => e.subjectId),
      entries.map((e) => e.reason),
      links.map((l) => l.previous),
      links.map((l) => l.hash),
    ],
  );
}

/** A page of the chain in order, for `verifyAuditChain`. */
export function readAuditChainPage(db: Pick<Sql, 'query'>, afterId: string, limit: number) {
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
