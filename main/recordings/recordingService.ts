import {
  type RecordingCallPart,
  type RecordingMeta,
  RecordingMetaSchema,
} from '../../domain/files/recording';
import { CHUNK_SIZE, type CardFiles } from '../files/cardFiles';
import type { RecordingRepository } from '../store/recordings';

export interface FinishedRecording {
  cardId: string;
  /** Where the recorder left the file; it is copied into the data folder, so it may be removed afterwards. */
  source: string;
  startedAt: Date;
  durationMs: number;
  mimeType: string;
  /** The call and its part; absent only for a recording begun by an earlier version (a crash before the upgrade). */
  callPart?: RecordingCallPart;
}

/** The operator's side of call recordings (architecture.md "Calls"): each one reaches central after its card. */
export interface RecordingService {
  /**
   * Keeps the file and registers it: its card file row and its `recording.meta` operation in one transaction,
   * so central learns of every recording whose bytes it will receive, and of no other.
   */
  register(recording: FinishedRecording): Promise<RecordingMeta>;
}

export function createRecordingService(deps: {
  files: CardFiles;
  recordings: RecordingRepository;
}): RecordingService {
  return {
    async register(r) {
      const kept = await deps.files.keep(r.source);
      try {
        const meta = RecordingMetaSchema.parse({
          fileId: kept.id,
          kind: 'call',
          startedAt: r.startedAt.toISOString(),
          durationMs: r.durationMs,
          mimeType: r.mimeType,
          size: kept.size,
          sha256: kept.sha256,
          ...(r.callPart ? { callPart: r.callPart } : {}),
        });
        deps.recordings.register(r.cardId, meta, CHUNK_SIZE);
        return meta;
      } catch (error) {
        // Nothing was queued: the copy would only take space.
        await deps.files.discard(kept.id);
        throw error;
      }
    },
  };
}
