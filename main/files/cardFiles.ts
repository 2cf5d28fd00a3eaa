import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import type { CardFile, FileUploadState, UploadFailure } from '../../domain/files/cardFile';
import { type UploadStatus, UploadStatusSchema, chunkCount } from '../../domain/files/upload';
import type { CentralFailure } from '../sync/centralClient';
import type { CardFileRepository, StoredCardFile, WaitingFile } from '../store/cardFiles';

/** 256 KiB: a chunk lost to a dropped link costs little to send again, and a 3 MB photo is a dozen requests. */
export const CHUNK_SIZE = 256 * 1024;
const REQUEST_TIMEOUT_MS = 30_000;

export type UploadRound = { ok: true } | { ok: false; failure: CentralFailure };

export interface KeptFile {
  id: string;
  size: number;
  sha256: string;
}

export class CardFileNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`card file ${id} is not on this console`);
  }
}

export interface NewFile {
  cardId: string;
  kind: 'photo' | 'recording';
  /** Already cleaned (main/files/photo.ts); shown to people, never used as a path. */
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface CardFiles {
  /** Keeps the bytes in the data folder under a new id and queues their upload after the card. */
  attach(file: NewFile): Promise<CardFile>;
  /** A card's files with where each upload stands, oldest first. */
  list(cardId: string): CardFile[];
  /** A file's bytes as kept on this console (previews); null when there is no such file or it is gone. */
  read(id: string): Promise<{ file: CardFile; bytes: Buffer } | null>;
  /** Copies the file into the data folder under a new id, for a caller that queues it in its own transaction. */
  keep(source: string): Promise<KeptFile>;
  /** Removes a kept file that was never queued. */
  discard(id: string): Promise<void>;
  /** Uploads every file whose card central has, each from the first chunk central is missing. */
  upload(centralUrl: string, token: string): Promise<UploadRound>;
}

/** What stops the whole round (the link or the token) and what only this file (central refused it). */
function failureOf(failure: CentralFailure): { file: UploadFailure | null; stopsRound: boolean } {
  if (failure.kind === 'network') return { file: 'network', stopsRound: true };
  if (failure.status === 401) return { file: null, stopsRound: true };
  if (failure.status >= 400 && failure.status < 500) return { file: 'refused', stopsRound: false };
  return { file: 'server', stopsRound: true };
}

export function createCardFiles(deps: {
  dir: string;
  files: CardFileRepository;
  newId: () => string;
  now: () => Date;
  /** A card's files changed (attached, progressed, failed): the UI shows it at once. */
  onChanged?: (cardId: string) => void;
}): CardFiles {
  const fileOf = (id: string) => join(deps.dir, id);
  /** The file being sent right now: it shows as uploading even before its first chunk is through. */
  let active: string | null = null;
  const changed = (cardId: string) => deps.onChanged?.(cardId);

  function uploadState(f: StoredCardFile): FileUploadState {
    if (f.purgedAt) return { state: 'purged' };
    if (f.uploaded) return { state: 'uploaded' };
    if (f.failure && f.id !== active) return { state: 'failed', reason: f.failure };
    if (f.id === active || f.nextChunk > 0) {
      const chunks = chunkCount(f);
      return { state: 'uploading', percent: Math.min(99, Math.floor((f.nextChunk * 100) / chunks)) };
    }
    return { state: 'waiting' };
  }
  const view = (f: StoredCardFile): CardFile => ({
    id: f.id,
    cardId: f.cardId,
    kind: f.kind,
    name: f.name,
    contentType: f.contentType,
    size: f.size,
    createdAt: f.createdAt,
    upload: uploadState(f),
  });

  async function call<T>(
    url: string,
    token: string,
    init: { method: string; body?: Buffer | string; json?: boolean },
    schema: z.ZodType<T>,
  ) {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: init.method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body === undefined
            ? {}
            : { 'content-type': init.json ? 'application/json' : 'application/octet-stream' }),
        },
        body: init.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      return {
        ok: false as const,
        failure: { kind: 'network' as const, message: error instanceof Error ? error.name : 'network error' },
      };
    }
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // An unreadable answer is refused below like any other.
    }
    const parsed = response.ok ? schema.safeParse(json) : null;
    if (!parsed?.success)
      return {
        ok: false as const,
        failure: {
          kind: 'http' as const,
          status: response.status,
          message: `upload answered HTTP ${response.status}`,
        },
      };
    return { ok: true as const, value: parsed.data };
  }

  /** Opens the kept bytes, or null when they are gone or not the size declared (they could never match). */
  async function openKept(file: WaitingFile) {
    const handle = await open(fileOf(file.id), 'r').catch(() => null);
    if (!handle) return null;
    if ((await handle.stat()).size === file.size) return handle;
    await handle.close();
    return null;
  }

  async function uploadOne(base: string, token: string, file: WaitingFile): Promise<UploadRound> {
    const { nextChunk: _local, ...declaration } = file;
    const handle = await openKept(file);
    if (!handle) {
      deps.files.failed(file.id, 'missing', 'the file is missing from the data folder or damaged');
      return { ok: true };
    }
    try {
      // Central's answer says where to resume; the local progress only tells the operator how far it got.
      let status: UploadStatus;
      const declared = await call(
        `${base}/api/uploads`,
        token,
        { method: 'POST', body: JSON.stringify(declaration), json: true },
        UploadStatusSchema,
      );
      if (!declared.ok) return declared;
      status = declared.value;
      while (!status.complete) {
        const index = status.nextChunk;
        const length = Math.min(file.chunkSize, file.size - index * file.chunkSize);
        const chunk = Buffer.alloc(length);
        await handle.read(chunk, 0, length, index * file.chunkSize);
        const answer = await call(
          `${base}/api/uploads/${file.id}/chunks/${index}`,
          token,
          { method: 'PUT', body: chunk },
          UploadStatusSchema,
        );
        if (!answer.ok) return answer;
        status = answer.value;
        deps.files.progressed(file.id, status.nextChunk, status.complete);
        changed(file.cardId);
      }
      deps.files.progressed(file.id, chunkCount(file), true);
      return { ok: true };
    } finally {
      await handle.close();
    }
  }

  async function keep(source: string): Promise<KeptFile> {
    await mkdir(deps.dir, { recursive: true });
    const id = deps.newId();
    await copyFile(source, fileOf(id));
    // Flushed before the row that promises it exists, as an attached photo is.
    const handle = await open(fileOf(id), 'r+');
    await handle.sync().finally(() => handle.close());
    // The copy is what gets uploaded, so the copy is what is hashed; streamed, since a recording may be large.
    const hash = createHash('sha256');
    let size = 0;
    await pipeline(createReadStream(fileOf(id)), async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        size += chunk.length;
        hash.update(chunk);
      }
    });
    return { id, size, sha256: hash.digest('hex') };
  }

  const stored = (id: string) => {
    const file = deps.files.get(id);
    if (!file) throw new Error('a card file vanished from the store');
    return file;
  };

  return {
    async attach({ cardId, kind, name, contentType, bytes }) {
      await mkdir(deps.dir, { recursive: true });
      const id = deps.newId();
      // On disk and flushed before the row that promises it exists: a power cut leaves at worst an unlisted file.
      const handle = await open(fileOf(id), 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      deps.files.add(
        { id, cardId, kind, name, contentType, size: bytes.length, sha256, chunkSize: CHUNK_SIZE },
        deps.now(),
      );
      changed(cardId);
      return view(stored(id));
    },
    list: (cardId) => deps.files.ofCard(cardId).map(view),
    async read(id) {
      const file = deps.files.get(id);
      if (!file) return null;
      const bytes = await readFile(fileOf(id)).catch(() => null);
      return bytes ? { file: view(file), bytes } : null;
    },
    keep,
    discard: (id) => rm(fileOf(id), { force: true }),
    async upload(centralUrl, token) {
      const base = centralUrl.replace(/\/+$/, '');
      for (const file of deps.files.ready(20)) {
        active = file.id;
        changed(file.cardId);
        const result = await uploadOne(base, token, file).finally(() => (active = null));
        if (!result.ok) {
          const { file: failure, stopsRound } = failureOf(result.failure);
          if (failure) deps.files.failed(file.id, failure, result.failure.message);
          changed(file.cardId);
          if (stopsRound) return result;
          continue;
        }
        changed(file.cardId);
      }
      return { ok: true };
    },
  };
}
