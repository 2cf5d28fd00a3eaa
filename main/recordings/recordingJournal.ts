import { mkdir, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecordingMeta } from '../../domain/files/recording';
import type { Logger } from '../log';
import type { RecordingService } from './recordingService';

/** What is known of a recording from its first moment, written (and flushed) before its first chunk. */
const HeaderSchema = z.strictObject({
  cardId: z.uuid(),
  mimeType: z.string().max(100),
  startedAt: z.iso.datetime(),
});
type Header = z.infer<typeof HeaderSchema>;

/** A recording no chunk has reached for this long is over: its window went away without saying so. */
export const IDLE_RECORDING_MS = 60_000;
const SWEEP_EVERY_MS = 30_000;

export class RecordingNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`recording ${id} is not being written`);
  }
}

export interface RecordingJournal {
  /** A new recording of the card's call; its chunks follow with `append`. */
  begin(header: Header): Promise<{ recordingId: string }>;
  /**
   * One chunk of the MediaRecorder's stream, `atMs` after the recording began (its duration so far). It is on
   * disk and flushed before this resolves, so a crash of the console or of the machine loses the chunks still
   * in the window, not the call. A chunk sent twice (`seq` already written) is acknowledged, not written again.
   */
  append(recordingId: string, seq: number, atMs: number, bytes: Buffer): Promise<void>;
  /** The recording is complete: it is kept with its card and queued for upload (main/recordings/recordingService.ts). */
  finish(recordingId: string): Promise<RecordingMeta | null>;
  /**
   * Finalises and queues the recordings left unfinished: without `idleMs`, every one this run did not begin (a
   * crash, at start-up); with it, those no chunk reached for that long (a window closed mid-call). Returns how
   * many were queued.
   */
  finishAbandoned(idleMs?: number): Promise<number>;
  start(): void;
  stop(): void;
}

/**
 * Call recordings while the call runs (issue 13 item 6), in `dir`: `<id>.json` the header, `<id>.webm` the bytes
 * as MediaRecorder gave them, `<id>.times` one line per chunk (`seq atMs`). MediaRecorder's WebM has no
 * duration in its header, so the duration is the last chunk's time: what the recorder itself measured.
 */
export function createRecordingJournal(deps: {
  dir: string;
  recordings: RecordingService;
  newId: () => string;
  now: () => Date;
  log: Logger;
}): RecordingJournal {
  const path = (id: string, ext: string) => join(deps.dir, `${id}.${ext}`);
  /** Chunks of one recording are written one after another, in order. */
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(id: string, job: () => Promise<T>): Promise<T> => {
    const next = (queues.get(id) ?? Promise.resolve()).then(job, job);
    queues.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  };
  let timer: NodeJS.Timeout | null = null;
  /** Recordings begun by this run: the start-up sweep leaves them alone, the idle sweep does not. */
  const ours = new Set<string>();

  async function appendSynced(file: string, data: Buffer | string): Promise<void> {
    const handle = await open(file, 'a');
    try {
      await handle.appendFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function marks(id: string): Promise<{ seq: number; atMs: number }[]> {
    const text = await readFile(path(id, 'times'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .map((line) => line.split(' ').map(Number))
      .filter((p): p is [number, number] => p.length === 2 && p.every(Number.isFinite))
      .map(([seq, atMs]) => ({ seq, atMs }));
  }

  async function header(id: string): Promise<Header | null> {
    const raw = await readFile(path(id, 'json'), 'utf8').catch(() => null);
    if (raw === null) return null;
    try {
      const parsed = HeaderSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      // A header cut by a power cut before its flush: the recording never had a chunk.
      return null;
    }
  }

  async function remove(id: string): Promise<void> {
    await Promise.all(['webm', 'times', 'json'].map((ext) => rm(path(id, ext), { force: true })));
    queues.delete(id);
    ours.delete(id);
  }

  async function finalise(id: string): Promise<RecordingMeta | null> {
    const h = await header(id);
    if (!h) {
      if (await stat(path(id, 'json')).catch(() => null)) await remove(id);
      throw new RecordingNotFoundError(id);
    }
    const size = (await stat(path(id, 'webm')).catch(() => null))?.size ?? 0;
    const last = (await marks(id)).at(-1);
    if (size === 0 || !last) {
      // Not one chunk arrived: there is nothing to keep.
      await remove(id);
      return null;
    }
    const meta = await deps.recordings.register({
      cardId: h.cardId,
      source: path(id, 'webm'),
      startedAt: new Date(h.startedAt),
      durationMs: Math.round(last.atMs),
      mimeType: h.mimeType,
    });
    await remove(id);
    deps.log.info('recording.finished', {
      fileId: meta.fileId,
      durationMs: meta.durationMs,
      size: meta.size,
    });
    return meta;
  }

  async function finishAbandoned(idleMs?: number): Promise<number> {
    const names = await readdir(deps.dir).catch(() => [] as string[]);
    let finished = 0;
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const id = name.slice(0, -'.json'.length);
      if (idleMs === undefined && ours.has(id)) continue;
      if (idleMs !== undefined) {
        const touched = await stat(path(id, 'times'))
          .catch(() => stat(path(id, 'json')))
          .catch(() => null);
        if (!touched || deps.now().getTime() - touched.mtime.getTime() < idleMs) continue;
      }
      try {
        if (await serially(id, () => finalise(id))) finished++;
      } catch (error) {
        // Kept on disk: the next start tries again (a card not yet here, a full disk).
        deps.log.error('recording.unfinished', {
          id,
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
    return finished;
  }

  return {
    async begin(h) {
      await mkdir(deps.dir, { recursive: true });
      const recordingId = deps.newId();
      ours.add(recordingId);
      await writeFile(path(recordingId, 'json'), JSON.stringify(h), { flag: 'wx', flush: true });
      deps.log.info('recording.started', { id: recordingId });
      return { recordingId };
    },
    append(id, seq, atMs, bytes) {
      return serially(id, async () => {
        if (!(await header(id))) throw new RecordingNotFoundError(id);
        const written = await marks(id);
        const last = written.at(-1);
        if (last && seq <= last.seq) return;
        // The bytes first, then their time: a crash between the two loses at most this chunk's second.
        await appendSynced(path(id, 'webm'), bytes);
        await appendSynced(path(id, 'times'), `${seq} ${Math.max(atMs, last?.atMs ?? 0)}\n`);
      });
    },
    finish: (id) => serially(id, () => finalise(id)),
    finishAbandoned,
    start() {
      if (timer) return;
      void finishAbandoned();
      timer = setInterval(() => void finishAbandoned(IDLE_RECORDING_MS), SWEEP_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
