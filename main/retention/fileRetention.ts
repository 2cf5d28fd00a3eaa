import type { CardFiles } from '../files/cardFiles';
import type { CardFileRepository } from '../store/cardFiles';

/** Purges run at start and then hourly: a file outlives its retention by an hour at most. */
const PURGE_INTERVAL_MS = 3_600_000;
const BATCH = 100;
const DAY_MS = 86_400_000;
/** As on central (`CENTRAL_RETENTION_DAYS`): files leave both sides after the same period. */
export const DEFAULT_FILE_RETENTION_DAYS = 30;

export interface FileRetention {
  /** Removes the bytes of every file past the retention period that central already has; returns how many. */
  purgeExpired(now?: Date): Promise<number>;
  start(): void;
  stop(): void;
}

/**
 * Photos and call recordings leave this workstation once the retention period (§ retention, 30 days by
 * default) is over, as they leave central. Only files central has whole are removed: a file still waiting to
 * upload is evidence that exists nowhere else, so it stays until its upload completes and goes at the next
 * purge. Bytes go first, then the row is marked: a purge cut short is simply done again.
 */
export function createFileRetention(deps: {
  files: CardFileRepository;
  cardFiles: Pick<CardFiles, 'discard'>;
  retentionDays: number;
  now: () => Date;
  onPurged?: (cardId: string) => void;
}): FileRetention {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function purge(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - deps.retentionDays * DAY_MS);
    let purged = 0;
    for (;;) {
      const expired = deps.files.expired(cutoff, BATCH);
      if (expired.length === 0) return purged;
      for (const file of expired) {
        await deps.cardFiles.discard(file.id);
        deps.files.purged(file.id, now);
        deps.onPurged?.(file.cardId);
      }
      purged += expired.length;
    }
  }

  return {
    purgeExpired(now = deps.now()) {
      // One purge at a time: the hourly one and a test's may not remove the same file twice.
      running ??= purge(now).finally(() => (running = null));
      return running;
    },
    start() {
      if (timer) return;
      void this.purgeExpired();
      timer = setInterval(() => void this.purgeExpired(), PURGE_INTERVAL_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
