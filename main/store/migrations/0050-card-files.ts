import type { Migration } from '../migration';

/** Files attached to cards (photos now, recordings later) and how far their resumable upload got. */
export const migration0050: Migration = {
  version: 50,
  name: 'card-files',
  up(db) {
    db.exec(`
      CREATE TABLE card_files (
        id TEXT PRIMARY KEY,
        card_id TEXT NOT NULL REFERENCES cards (id),
        kind TEXT NOT NULL CHECK (kind IN ('photo', 'recording')),
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        chunk_size INTEGER NOT NULL,
        next_chunk INTEGER NOT NULL DEFAULT 0,
        uploaded INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX card_files_waiting ON card_files (uploaded, created_at);
    `);
  },
};
