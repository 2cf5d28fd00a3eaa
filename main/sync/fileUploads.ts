import { open } from 'node:fs/promises';
import type { UploadFailure } from '../../domain/files/cardFile';
import { type UploadStatus, chunkCount } from '../../domain/files/upload';
import type { CentralFailure, SignedInCentral } from '../central/client';
import type { CardFiles } from '../files/cardFiles';
import type { CardFileRepository, WaitingFile } from '../store/cardFiles';

export type UploadRound = { ok: true } | { ok: false; failure: CentralFailure };

/** What stops the whole round (the link or the token) and what only this file (central refused it). */
function failureOf(failure: CentralFailure): { file: UploadFailure | null; stopsRound: boolean } {
  if (failure.kind === 'signedOut') return { file: null, stopsRound: true };
  if (failure.kind === 'network') return { file: 'network', stopsRound: true };
  if (failure.status === 401) return { file: null, stopsRound: true };
  if (failure.status >= 400 && failure.status < 500) return { file: 'refused', stopsRound: false };
  return { file: 'server', stopsRound: true };
}

/** A file's chunk can take longer than a JSON request on a slow link. */
export const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * Card files go to central after their card, each as a resumable upload (domain/files/upload.ts) from the
 * first chunk central is missing; the sync engine runs this once the outbox is pushed.
 */
export function createFileUploads(deps: {
  central: SignedInCentral;
  files: CardFileRepository;
  cardFiles: Pick<CardFiles, 'pathOf' | 'uploading'>;
  /** A card's files changed (progressed, failed): the UI shows it at once. */
  onChanged(cardId: string): void;
}): { upload(): Promise<UploadRound> } {
  /** Opens the kept bytes, or null when they are gone or not the size declared (they could never match). */
  async function openKept(file: WaitingFile) {
    const handle = await open(deps.cardFiles.pathOf(file.id), 'r').catch(() => null);
    if (!handle) return null;
    if ((await handle.stat()).size === file.size) return handle;
    await handle.close();
    return null;
  }

  async function uploadOne(file: WaitingFile): Promise<UploadRound> {
    const { nextChunk: _local, ...declaration } = file;
    const handle = await openKept(file);
    if (!handle) {
      deps.files.failed(file.id, 'missing', 'the file is missing from the data folder or damaged');
      return { ok: true };
    }
    try {
      // Central's answer says where to resume; the local progress only tells the operator how far it got.
      const declared = await deps.central.call('POST /api/uploads', { body: declaration });
      if (!declared.ok) return declared;
      let status: UploadStatus = declared.value;
      while (!status.complete) {
        const index = status.nextChunk;
        const length = Math.min(file.chunkSize, file.size - index * file.chunkSize);
        const chunk = Buffer.alloc(length);
        await handle.read(chunk, 0, length, index * file.chunkSize);
        const answer = await deps.central.call('PUT /api/uploads/:id/chunks/:index', {
          params: { id: file.id, index },
          body: chunk,
        });
        if (!answer.ok) return answer;
        status = answer.value;
        deps.files.progressed(file.id, status.nextChunk, status.complete);
        deps.onChanged(file.cardId);
      }
      deps.files.progressed(file.id, chunkCount(file), true);
      return { ok: true };
    } finally {
      await handle.close();
    }
  }

  return {
    async upload() {
      for (const file of deps.files.ready(20)) {
        deps.cardFiles.uploading(file.id);
        deps.onChanged(file.cardId);
        const result = await uploadOne(file).finally(() => deps.cardFiles.uploading(null));
        if (!result.ok) {
          const { file: failure, stopsRound } = failureOf(result.failure);
          if (failure) deps.files.failed(file.id, failure, result.failure.message);
          deps.onChanged(file.cardId);
          if (stopsRound) return result;
          continue;
        }
        deps.onChanged(file.cardId);
      }
      return { ok: true };
    },
  };
}
