import type Database from 'better-sqlite3';
import type { RecordingMeta } from '../../domain/files/recording';
import type { CardFileRepository } from './cardFiles';
import type { Outbox } from './outbox';

/** Call recordings of cards: their file and their metadata operation, written together. */
export interface RecordingRepository {
  /**
   * The recording's card file (uploaded after the card by the resumable uploads) and its `recording.meta`
   * operation in one transaction: both or neither. Returns the operation's id.
   */
  register(cardId: string, meta: RecordingMeta, chunkSize: number): string;
}

export function createRecordingRepository(
  db: Database.Database,
  deps: { now: () => Date; outbox: Outbox; files: CardFileRepository },
): RecordingRepository {
  const register = db.transaction((cardId: string, meta: RecordingMeta, chunkSize: number): string => {
    deps.files.add(
      {
        id: meta.fileId,
        cardId,
        kind: 'recording',
        // Not a path: a label for people, like an attached photo's cleaned name.
        name: `call-${meta.startedAt}`,
        contentType: meta.mimeType,
        size: meta.size,
        sha256: meta.sha256,
        chunkSize,
      },
      deps.now(),
    );
    return deps.outbox.append({ type: 'recording.meta', cardId, payload: meta });
  });
  return { register: (cardId, meta, chunkSize) => register.immediate(cardId, meta, chunkSize) };
}
