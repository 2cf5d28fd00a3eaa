import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { type UploadStatus, UploadStatusSchema, chunkCount } from '../../domain/upload';
import type { CentralFailure } from '../sync/centralClient';
import type { CardFileRepository, WaitingFile } from '../store/cardFiles';

/** 256 KiB: a chunk lost to a dropped link costs little to send again, and a 3 MB photo is a dozen requests. */
export const CHUNK_SIZE = 256 * 1024;
const REQUEST_TIMEOUT_MS = 30_000;

export type UploadRound = { ok: true } | { ok: false; failure: CentralFailure };

export interface KeptFile {
  id: string;
  size: number;
  sha256: string;
}

export interface CardFiles {
  /** Copies the file into the data folder (the original may go away) and queues its upload after the card. */
  attach(cardId: string, kind: 'photo' | 'recording', source: string): Promise<string>;
  /** Copies the file into the data folder under a new id, for a caller that queues it in its own transaction. */
  keep(source: string): Promise<KeptFile>;
  /** Removes a kept file that was never queued. */
  discard(id: string): Promise<void>;
  /** Uploads every file whose card central has, each from the first chunk central is missing. */
  upload(centralUrl: string, token: string): Promise<UploadRound>;
}

export function createCardFiles(deps: {
  dir: string;
  files: CardFileRepository;
  newId: () => string;
  now: () => Date;
}): CardFiles {
  const fileOf = (id: string) => join(deps.dir, id);

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

  async function uploadOne(base: string, token: string, file: WaitingFile): Promise<UploadRound> {
    const { nextChunk: _local, ...declaration } = file;
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
    const handle = await open(fileOf(file.id), 'r');
    try {
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

  return {
    async attach(cardId, kind, source) {
      const { id, size, sha256 } = await keep(source);
      deps.files.add({ id, cardId, kind, size, sha256, chunkSize: CHUNK_SIZE }, deps.now());
      return id;
    },
    keep,
    discard: (id) => rm(fileOf(id), { force: true }),
    async upload(centralUrl, token) {
      const base = centralUrl.replace(/\/+$/, '');
      for (const file of deps.files.ready(20)) {
        const result = await uploadOne(base, token, file);
        if (!result.ok) {
          deps.files.failed(file.id, result.failure.message);
          return result;
        }
      }
      return { ok: true };
    },
  };
}
