import type { Migration } from '../migration';

/** Reference data from central (departments…), kept so the console can show it while offline. */
export const migration0070: Migration = {
  version: 70,
  name: 'reference-data',
  up(db) {
    db.exec(`
      CREATE TABLE reference_data (
        kind TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
