import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentStore } from '../appeals/attachmentStore';
import type { RetentionRepository } from './retentionRepository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Purges run at start and then hourly: a file outlives its retention by an hour at most. */
export const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface PurgeReport {
  attachments: number;
  cardFiles: number;
}

/**
 * Removes citizens' attachments and card files (photos, call recordings) older than `days`, on an
 * injectable clock. Bytes go first, then the row is marked: a purge cut short is simply done again.
 */
export function createRetentionService(deps: {
  days: number;
  repository: RetentionRepository;
  attachments: AttachmentStore;
  /** Where uploads keep `<id>.json` (the declaration, written when the upload began), `<id>.part` and `<id>`. */
  cardFilesDir: string;
}) {
  const { days, repository, attachments, cardFilesDir } = deps;

  async function purgeAttachments(cutoff: Date, now: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const expired = await repository.expiredAttachments(cutoff);
      if (expired.length === 0) return purged;
      await Promise.all(expired.map((a) => attachments.remove(a.storageName)));
      await repository.markAttachmentsPurged(
        expired.map((a) => a.id),
        now,
      );
      purged += expired.length;
    }
  }

  async function purgeCardFiles(cutoff: Date, now: Date): Promise<number> {
    const names = await readdir(cardFilesDir).catch(() => [] as string[]);
    const expired: string[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const declared = await stat(join(cardFilesDir, name)).catch(() => null);
      if (declared && declared.mtime < cutoff) expired.push(name.slice(0, -'.json'.length));
    }
    for (const id of expired) {
      await Promise.all(
        ['', '.part', '.json'].map((ext) => rm(join(cardFilesDir, `${id}${ext}`), { force: true })),
      );
    }
    if (expired.length > 0) await repository.markRecordingsPurged(expired, now);
    return expired.length;
  }

  return {
    days,
    async purgeExpired(now: Date = new Date()): Promise<PurgeReport> {
      const cutoff = new Date(now.getTime() - days * DAY_MS);
      return {
        attachments: await purgeAttachments(cutoff, now),
        cardFiles: await purgeCardFiles(cutoff, now),
      };
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
