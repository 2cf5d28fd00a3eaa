import type { Sql } from '../db/database';

/** How many expired rows one statement takes: a long backlog is purged in bounded steps. */
const STEP = 500;

/** The rows whose bytes are past retention, and marking them purged once the bytes are gone. */
export function createRetentionRepository(db: Sql) {
  return {
    async expiredAttachments(before: Date): Promise<{ id: string; storageName: string }[]> {
      const rows = await db.query<{ id: string; storage_name: string }>(
        `select id, storage_name from attachments where purged_at is null and created_at < $1
         order by created_at limit ${STEP}`,
        [before.toISOString()],
      );
      return rows.map((r) => ({ id: r.id, storageName: r.storage_name }));
    },
    async markAttachmentsPurged(ids: readonly string[], at: Date): Promise<void> {
      await db.query('update attachments set purged_at = $2 where id = any($1::uuid[])', [
        ids,
        at.toISOString(),
      ]);
    },
    async markRecordingsPurged(fileIds: readonly string[], at: Date): Promise<void> {
      await db.query(
        'update recordings set purged_at = $2 where file_id = any($1::uuid[]) and purged_at is null',
        [fileIds, at.toISOString()],
      );
    },
  };
}
export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
