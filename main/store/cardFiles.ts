import type Database from 'better-sqlite3';
import type { UploadFailure } from '../../domain/files/cardFile';
import type { UploadDeclaration } from '../../domain/files/upload';

export interface WaitingFile extends UploadDeclaration {
  nextChunk: number;
}

/** A file as stored: its upload's raw progress; main/files/cardFiles.ts turns it into what the operator sees. */
export interface StoredCardFile {
  id: string;
  cardId: string;
  kind: 'photo' | 'recording';
  name: string;
  contentType: string;
  size: number;
  chunkSize: number;
  nextChunk: number;
  uploaded: boolean;
  failure: UploadFailure | null;
  createdAt: string;
  /** When the retention period removed the bytes from this workstation; null while they are here. */
  purgedAt: string | null;
}

export type NewCardFile = UploadDeclaration & { name: string; contentType: string };

/** The files of cards and their upload progress; the bytes live in the data folder under the file's id. */
export interface CardFileRepository {
  add(file: NewCardFile, at: Date): void;
  /** Files whose card central already has (its `card.create` was answered), oldest first; a missing file never is. */
  ready(limit: number): WaitingFile[];
  progressed(id: string, nextChunk: number, complete: boolean): void;
  failed(id: string, failure: UploadFailure, error: string): void;
  get(id: string): StoredCardFile | null;
  ofCard(cardId: string): StoredCardFile[];
  waitingCount(): number;
  /** Files central has whole and whose bytes are still here although created before `cutoff`, oldest first. */
  expired(cutoff: Date, limit: number): StoredCardFile[];
  purged(id: string, at: Date): void;
}

interface CardFileRow {
  id: string;
  card_id: string;
  kind: 'photo' | 'recording';
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  chunk_size: number;
  next_chunk: number;
  uploaded: number;
  failure: UploadFailure | null;
  created_at: string;
  purged_at: string | null;
}

const rowToStored = (r: CardFileRow): StoredCardFile => ({
  id: r.id,
  cardId: r.card_id,
  kind: r.kind,
  name: r.name,
  contentType: r.content_type,
  size: r.size,
  chunkSize: r.chunk_size,
  nextChunk: r.next_chunk,
  uploaded: r.uploaded === 1,
  failure: r.failure,
  createdAt: r.created_at,
  purgedAt: r.purged_at,
});

export function createCardFileRepository(db: Database.Database): CardFileRepository {
  const insert = db.prepare(
    `INSERT INTO card_files (id, card_id, kind, name, content_type, size, sha256, chunk_size, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectReady = db.prepare<[number], CardFileRow>(
    `SELECT f.* FROM card_files f
     WHERE f.uploaded = 0 AND f.failure IS NOT 'missing' AND NOT EXISTS (
       SELECT 1 FROM outbox o WHERE o.card_id = f.card_id AND o.type = 'card.create' AND o.state IN ('pending', 'inflight', 'rejected'))
     ORDER BY f.created_at LIMIT ?`,
  );
  const update = db.prepare(
    'UPDATE card_files SET next_chunk = ?, uploaded = ?, failure = NULL, last_error = NULL WHERE id = ?',
  );
  const fail = db.prepare(
    'UPDATE card_files SET attempts = attempts + 1, failure = ?, last_error = ? WHERE id = ?',
  );
  const selectOne = db.prepare<[string], CardFileRow>('SELECT * FROM card_files WHERE id = ?');
  const selectOfCard = db.prepare<[string], CardFileRow>(
    'SELECT * FROM card_files WHERE card_id = ? ORDER BY created_at, id',
  );
  const waiting = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM card_files WHERE uploaded = 0');
  const selectExpired = db.prepare<[string, number], CardFileRow>(
    `SELECT * FROM card_files WHERE purged_at IS NULL AND uploaded = 1 AND created_at < ?
     ORDER BY created_at LIMIT ?`,
  );
  const markPurged = db.prepare('UPDATE card_files SET purged_at = ? WHERE id = ?');
  return {
    add: (f, at) =>
      void insert.run(
        f.id,
        f.cardId,
        f.kind,
        f.name,
        f.contentType,
        f.size,
        f.sha256,
        f.chunkSize,
        at.toISOString(),
      ),
    ready: (limit) =>
      selectReady.all(limit).map((r) => ({
        id: r.id,
        cardId: r.card_id,
        kind: r.kind,
        size: r.size,
        sha256: r.sha256,
        chunkSize: r.chunk_size,
        nextChunk: r.next_chunk,
      })),
    progressed: (id, nextChunk, complete) => void update.run(nextChunk, complete ? 1 : 0, id),
    failed: (id, failure, error) => void fail.run(failure, error, id),
    get: (id) => {
      const row = selectOne.get(id);
      return row ? rowToStored(row) : null;
    },
    ofCard: (cardId) => selectOfCard.all(cardId).map(rowToStored),
    waitingCount: () => waiting.get()?.n ?? 0,
    expired: (cutoff, limit) => selectExpired.all(cutoff.toISOString(), limit).map(rowToStored),
    purged: (id, at) => void markPurged.run(at.toISOString(), id),
  };
}
