import type { Migration } from '../migration';

/**
 * The inbox as this console last saw it (issue 12): per signed-in login, in central's order, so it is there
 * after a restart with central down. Items carry no applicant identity (central's list has none).
 */
export const migration0161: Migration = {
  version: 161,
  name: 'inbox',
  up(db) {
    db.exec(`
      CREATE TABLE inbox_items (
        account TEXT NOT NULL,
        position INTEGER NOT NULL,
        appeal_id TEXT NOT NULL,
        item TEXT NOT NULL,
        PRIMARY KEY (account, position)
      );
      CREATE TABLE inbox_fetches (account TEXT PRIMARY KEY, fetched_at TEXT NOT NULL);
    `);
  },
};
