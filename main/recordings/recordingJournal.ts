import { mkdir, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type RecordingBeginInputSchema,
  RecordingCallPartSchema,
  type RecordingMeta,
} from '../../domain/files/recording';
import type { Logger } from '../log';
import type { RecordingService } from './recordingService';

/** What is known of a recording from its first moment, written (and flushed) before its first chunk. */
const HeaderSchema = z.strictObject({
  cardId: z.uuid(),
  mimeType: z.string().max(100),
  startedAt: z.iso.datetime(),
  /** Absent from a header an earlier version wrote before a crash: that recording is a call of its own. */
  callPart: RecordingCallPartSchema.optional(),
});
type Header = z.infer<typeof HeaderSchema>;

/** What the window says when the call's media starts recording: main numbers the part. */
type RecordingStart = z.infer<typeof RecordingBeginInputSchema>;

/** A recording no chunk has reached for this long is over: its window went away without saying so. */
export const IDLE_RECORDING_MS = 60_000;
const SWEEP_EVERY_MS = 30_000;

export class RecordingNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`recording ${id} is not being written`);
  }
}

export interface RecordingJournal {
  /**
   * A new recording of the card's call; its chunks follow with `append`. A call already recorded here is
   * recorded again only by a new window (the one that recorded it was reloaded or closed, and its recorder with
   * it): the new recording is the call's next part, and the earlier parts, which no chunk will reach any more,
   * are finished and queued now, each with the duration its last chunk reached.
   */
  begin(start: RecordingStart): Promise<{ recordingId: string; part: number }>;
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
 * duration in its header, so the duration is the last chunk's time: what the recorder itself measured. A call
 * whose window was reloaded is recorded in numbered parts, one per window, each a whole WebM of its own.
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
  /** The highest part of each call this run began (the parts finished are no longer on disk to count). */
  const partsBegun = new Map<string, number>();

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
      ...(h.callPart ? { callPart: h.callPart } : {}),
    });
    await remove(id);
    deps.log.info('recording.finished', {
      fileId: meta.fileId,
      part: meta.callPart?.part ?? null,
      durationMs: meta.durationMs,
      size: meta.size,
    });
    return meta;
  }

  /** The recordings on disk that are not finished yet. */
  async function unfinishedIds(): Promise<string[]> {
    const names = await readdir(deps.dir).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
  }

  /** Finishes a recording no window will send to any more; true when it was queued. */
  async function finishLeft(id: string): Promise<boolean> {
    try {
      return (await serially(id, () => finalise(id))) !== null;
    } catch (error) {
      // Finished meanwhile by the sweep or by a new part's begin: nothing left to do.
      if (error instanceof RecordingNotFoundError) return false;
      // Kept on disk: the next start tries again (a card not yet here, a full disk).
      deps.log.error('recording.unfinished', {
        id,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return false;
    }
  }

  async function finishAbandoned(idleMs?: number): Promise<number> {
    let finished = 0;
    for (const id of await unfinishedIds()) {
      if (idleMs === undefined && ours.has(id)) continue;
      if (idleMs !== undefined) {
        const touched = await stat(path(id, 'times'))
          .catch(() => stat(path(id, 'json')))
          .catch(() => null);
        if (!touched || deps.now().getTime() - touched.mtime.getTime() < idleMs) continue;
      }
      if (await finishLeft(id)) finished++;
    }
    return finished;
  }

  /**
   * The call's next part: one more than any part this run began or that is still on disk (a crash of main ends
   * the call's rejoin too, main's `calls.current` being in memory, so no part follows what is not in either).
   */
  async function nextPart(appealId: string): Promise<{ part: number; earlier: string[] }> {
    const earlier: { id: string; part: number }[] = [];
    for (const id of await unfinishedIds()) {
      const part = (await header(id))?.callPart;
      if (part?.appealId === appealId) earlier.push({ id, part: part.part });
    }
    const part = 1 + Math.max(partsBegun.get(appealId) ?? 0, ...earlier.map((e) => e.part));
    partsBegun.set(appealId, part);
    return { part, earlier: earlier.map((e) => e.id) };
  }

  return {
    async begin({ appealId, ...start }) {
      await mkdir(deps.dir, { recursive: true });
      // One call's parts are numbered one after another, even if two windows began at once.
      return serially(appealId, async () => {
        const { part, earlier } = await nextPart(appealId);
        const recordingId = deps.newId();
        ours.add(recordingId);
        const h: Header = { ...start, callPart: { appealId, part } };
        await writeFile(path(recordingId, 'json'), JSON.stringify(h), { flag: 'wx', flush: true });
        deps.log.info('recording.started', { id: recordingId, part });
        // Not left to the idle sweep: the supervisor has the earlier parts as soon as the call goes on.
        for (const id of earlier) await finishLeft(id);
        return { recordingId, part };
      });
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
