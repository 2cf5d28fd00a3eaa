import type Database from 'better-sqlite3';
import type { UploadDeclaration } from '../../domain/upload';

export interface WaitingFile extends UploadDeclaration {
  nextChunk: number;
}

/** The files of cards and their upload progress; the bytes live in the data folder under the file's id. */
export interface CardFileRepository {
  add(file: Omit<UploadDeclaration, 'chunkSize'> & { chunkSize: number }, at: Date): void;
  /** Files whose card central already has (its `card.create` was answered), oldest first. */
  ready(limit: number): WaitingFile[];
  progressed(id: string, nextChunk: number, complete: boolean): void;
  failed(id: string, error: string): void;
  waitingCount(): number;
}

export function createCardFileRepository(db: Database.Database): CardFileRepository {
  const insert = db.prepare(
    `INSERT INTO card_files (id, card_id, kind, size, sha256, chunk_size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectReady = db.prepare<[number], { id: string; card_id: string; kind: 'photo' | 'recording'; size: number; sha256: string; chunk_size: number; next_chunk: number }>(
    `SELECT f.* FROM card_files f
     WHERE f.uploaded = 0 AND NOT EXISTS (
       SELECT 1 FROM outbox o WHERE o.card_id = f.card_id AND o.type = 'card.create' AND o.state IN ('pending', 'inflight', 'rejected'))
     ORDER BY f.created_at LIMIT ?`,
  );
  const update = db.prepare('UPDATE card_files SET next_chunk = ?, uploaded = ?, last_error = NULL WHERE id = ?');
  const fail = db.prepare('UPDATE card_files SET attempts = attempts + 1, last_error = ? WHERE id = ?');
  const waiting = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM card_files WHERE uploaded = 0');
  return {
    add: (f, at) => void insert.run(f.id, f.cardId, f.kind, f.size, f.sha256, f.chunkSize, at.toISOString()),
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
    failed: (id, error) => void fail.run(error, id),
    waitingCount: () => waiting.get()?.n ?? 0,
  };
}
