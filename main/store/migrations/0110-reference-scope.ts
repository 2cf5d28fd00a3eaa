import type { Migration } from '../migration';

/**
 * Reference data per scope, with central's ETag. Patrol units and territories depend on the signed-in
 * account's department (`scope`: its id, `*` for a national account); departments are the same for every
 * account (`scope` = ''). Keyed per scope, a second account on the workstation never sees the first one's
 * territory, offline either. The departments already kept stay, with no ETag.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'reference-scope',
  up(db) {
    db.exec(`
      CREATE TABLE reference_data_by_scope (
        kind TEXT NOT NULL,
        scope TEXT NOT NULL,
        json TEXT NOT NULL,
        etag TEXT,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (kind, scope)
      ) STRICT;
      INSERT INTO reference_data_by_scope (kind, scope, json, etag, fetched_at)
        SELECT kind, '', json, NULL, fetched_at FROM reference_data;
      DROP TABLE reference_data;
      ALTER TABLE reference_data_by_scope RENAME TO reference_data;
    `);
  },
};
