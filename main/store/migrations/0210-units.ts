import type { Migration } from '../migration';

/**
 * Units as live data (§13) as this console last received them, per signed-in login, so the card's map and
 * units panel still show where they were (marked stale) with central down; a dispatch queued offline marks
 * its units here in the same transaction as its outbox operation.
 */
export const migration0210: Migration = {
  version: 210,
  name: 'units',
  up(db) {
    db.exec(`
      CREATE TABLE live_units (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        unit TEXT NOT NULL,
        PRIMARY KEY (account, id)
      );
      CREATE TABLE live_unit_fetches (account TEXT PRIMARY KEY, fetched_at TEXT NOT NULL);
    `);
  },
};
