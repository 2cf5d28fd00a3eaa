import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CardFile, FileUploadState } from '../../domain/files/cardFile';
import { chunkCount } from '../../domain/files/upload';
import type { CardFileRepository, StoredCardFile } from '../store/cardFiles';
import type { ChangeNotifier } from '../store/changeNotifier';

/** 256 KiB: a chunk lost to a dropped link costs little to send again, and a 3 MB photo is a dozen requests. */
export const CHUNK_SIZE = 256 * 1024;

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
  /** Where a kept file's bytes are (for its upload, main/sync/fileUploads.ts). */
  pathOf(id: string): string;
  /** The file being sent now (null: none): it shows as uploading even before its first chunk is through. */
  uploading(id: string | null): void;
}

export function createCardFiles(deps: {
  dir: string;
  files: CardFileRepository;
  newId: () => string;
  now: () => Date;
  /** Announces a file queued for upload (the sync wakes, the windows hear of it). */
  changes?: ChangeNotifier;
}): CardFiles {
  const fileOf = (id: string) => join(deps.dir, id);
  /** The file being sent right now: it shows as uploading even before its first chunk is through. */
  let active: string | null = null;

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
      deps.changes?.announce({ kind: 'file', cardId });
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
    pathOf: fileOf,
    uploading(id) {
      active = id;
    },
  };
}
