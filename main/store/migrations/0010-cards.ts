import type { Migration } from '../migration';

export const migration0010: Migration = {
  version: 10,
  name: 'cards',
  up(db) {
    db.exec(`
      CREATE TABLE cards (
        id TEXT PRIMARY KEY,
        local_number INTEGER NOT NULL UNIQUE,
        status TEXT NOT NULL,
        description TEXT NOT NULL,
        category TEXT,
        lat REAL,
        lon REAL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cards_by_updated ON cards (updated_at DESC);
    `);
  },
};
