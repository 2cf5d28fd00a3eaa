import { createHash } from 'node:crypto';
import type { Sql } from '../db/database';

interface ChainRow {
  id: string;
  account_id: string | null;
  action: string;
  subject_id: string | null;
  reason: string;
  at_utc: string;
  prev_hash: Uint8Array | null;
  hash: Uint8Array;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  /** `brokenAt`: the first entry whose hash or link to the entry before it does not hold. */
  | { ok: false; entries: number; brokenAt: number };

const PAGE = 5000;
const same = (a: Uint8Array | null, b: Uint8Array | null) =>
  a === null || b === null ? a === b : Buffer.from(a).equals(Buffer.from(b));

/**
 * Recomputes the audit log's chain from the first entry: an entry edited, removed or inserted out of turn
 * breaks it there. (Removing the newest entries leaves a shorter valid chain: compare `entries` with the
 * count noted at the last verification.)
 */
export async function verifyAuditChain(db: Sql): Promise<ChainVerdict> {
  let previous: Buffer | null = null;
  let entries = 0;
  let afterId = '0';
  for (;;) {
    const rows = await db.query<ChainRow>(
      `select id::text, account_id::text, action, subject_id, reason, prev_hash, hash,
              to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_utc
       from audit_log where audit_log.id > $1::bigint order by audit_log.id limit ${PAGE}`,
      [afterId],
    );
    for (const row of rows) {
      const text = [row.account_id ?? '', row.action, row.subject_id ?? '', row.reason, row.at_utc].join(
        '\x1f',
      );
      const hash: Buffer = createHash('sha256')
        .update(previous ?? Buffer.alloc(0))
        .update(text, 'utf8')
        .digest();
      if (!same(row.prev_hash, previous) || !hash.equals(Buffer.from(row.hash))) {
        return { ok: false, entries, brokenAt: Number(row.id) };
      }
      previous = hash;
      entries++;
    }
    const last = rows.at(-1);
    if (!last) return { ok: true, entries };
    afterId = last.id;
  }
}
