import { type QualityWindow, QualityWindowSchema } from '../../domain/calls/callQuality';
import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';

interface QualityRow {
  at: Date | string;
  rtt_min_ms: number | null;
  rtt_avg_ms: number | null;
  rtt_max_ms: number | null;
  loss_percent: number | null;
  bitrate_kbps: number | null;
  frames_decoded: number;
}

/** The table is a boundary: a row is parsed into the protocol's shape, never cast. */
const rowToWindow = (r: QualityRow): QualityWindow =>
  QualityWindowSchema.parse({
    at: iso(r.at),
    rttMs:
      r.rtt_min_ms === null || r.rtt_avg_ms === null || r.rtt_max_ms === null
        ? null
        : { min: r.rtt_min_ms, avg: r.rtt_avg_ms, max: r.rtt_max_ms },
    // `real` comes back as a float of the column's precision: one decimal, as the console measured it.
    lossPercent: r.loss_percent === null ? null : Math.round(Number(r.loss_percent) * 10) / 10,
    bitrateKbps: r.bitrate_kbps,
    framesDecoded: r.frames_decoded,
  });

/** A call's quality windows (migration 0240). */
export function createCallQualityRepository() {
  return {
    /** Stores the windows not stored yet (by their start); answers how many were new. */
    async add(
      tx: Sql,
      appealId: string,
      accountId: string,
      windows: readonly QualityWindow[],
    ): Promise<number> {
      let stored = 0;
      for (const w of windows) {
        const rows = await tx.query(
          `insert into call_quality (appeal_id, at, account_id, rtt_min_ms, rtt_avg_ms, rtt_max_ms, loss_percent,
             bitrate_kbps, frames_decoded)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (appeal_id, at) do nothing returning at`,
          [
            appealId,
            w.at,
            accountId,
            w.rttMs?.min ?? null,
            w.rttMs?.avg ?? null,
            w.rttMs?.max ?? null,
            w.lossPercent,
            w.bitrateKbps,
            w.framesDecoded,
          ],
        );
        stored += rows.length;
      }
      return stored;
    },

    async forAppeal(db: Sql, appealId: string): Promise<QualityWindow[]> {
      const rows = await db.query<QualityRow>(
        `select at, rtt_min_ms, rtt_avg_ms, rtt_max_ms, loss_percent, bitrate_kbps, frames_decoded
         from call_quality where appeal_id = $1 order by at`,
        [appealId],
      );
      return rows.map(rowToWindow);
    },
  };
}
export type CallQualityRepository = ReturnType<typeof createCallQualityRepository>;
