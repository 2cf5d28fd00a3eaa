import type { Sql } from '../db/database';
import { readAuditChainPage } from './auditLogRepository';
import { chainHash } from './chainHash';

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
export async function verifyAuditChain(db: Pick<Sql, 'query' | 'exec'>): Promise<ChainVerdict> {
  let previous: Buffer | null = null;
  let entries = 0;
  let afterId = '0';
  for (;;) {
    const rows = await readAuditChainPage(db, afterId, PAGE);
    for (const row of rows) {
      const hash = chainHash(previous, {
        accountId: row.account_id,
        action: row.action,
        subjectId: row.subject_id,
        reason: row.reason,
        atUtc: row.at_utc,
      });
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
