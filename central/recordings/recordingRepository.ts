import { type CardRecording, CardRecordingSchema, type RecordingMeta } from '../../domain/files/recording';
import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';

interface RecordingRow {
  file_id: string;
  card_id: string;
  kind: string;
  account_id: string | null;
  started_at: Date | string;
  duration_ms: number | string;
  mime_type: string;
  size: number | string;
  sha256: string;
  received_at: Date | string;
  appeal_id: string | null;
  part: number | null;
}

/** The table is a boundary: a row is parsed into the protocol's shape, never cast. */
const rowToRecording = (r: RecordingRow): CardRecording =>
  CardRecordingSchema.parse({
    fileId: r.file_id,
    cardId: r.card_id,
    kind: r.kind,
    accountId: r.account_id,
    startedAt: iso(r.started_at),
    durationMs: Number(r.duration_ms),
    mimeType: r.mime_type,
    size: Number(r.size),
    sha256: r.sha256,
    receivedAt: iso(r.received_at),
    callPart: r.appeal_id !== null && r.part !== null ? { appealId: r.appeal_id, part: r.part } : null,
  });

/** Call recordings' metadata per card (migrations 0070, 0280). */
export function createRecordingRepository() {
  return {
    /** False when a recording with this file id is already registered (nothing is written then). */
    async insert(tx: Sql, r: RecordingMeta & { cardId: string; accountId: string }): Promise<boolean> {
      const rows = await tx.query(
        `insert into recordings
           (file_id, card_id, kind, account_id, started_at, duration_ms, mime_type, size, sha256, appeal_id, part)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (file_id) do nothing returning file_id`,
        [
          r.fileId,
          r.cardId,
          r.kind,
          r.accountId,
          r.startedAt,
          r.durationMs,
          r.mimeType,
          r.size,
          r.sha256,
          r.callPart?.appealId ?? null,
          r.callPart?.part ?? null,
        ],
      );
      return rows.length === 1;
    },

    /**
     * A card's recordings still kept (those past retention, central/retention, are no longer listed), grouped by
     * call: the calls by their first part's start, each call's parts by number (domain/files/recordedCalls.ts).
     */
    async forCard(db: Sql, cardId: string): Promise<CardRecording[]> {
      const rows = await db.query<RecordingRow>(
        `select * from recordings where card_id = $1 and purged_at is null
         order by min(started_at) over (partition by coalesce(appeal_id, file_id)), coalesce(appeal_id, file_id),
                  part, started_at, file_id`,
        [cardId],
      );
      return rows.map(rowToRecording);
    },

    /** One recording, purged or not (a purged one is answered "gone", not "unknown"). */
    async byFileId(db: Sql, fileId: string): Promise<(CardRecording & { purged: boolean }) | null> {
      const [row] = await db.query<RecordingRow & { purged_at: Date | string | null }>(
        'select * from recordings where file_id = $1',
        [fileId],
      );
      return row ? { ...rowToRecording(row), purged: row.purged_at !== null } : null;
    },
  };
}
export type RecordingRepository = ReturnType<typeof createRecordingRepository>;
