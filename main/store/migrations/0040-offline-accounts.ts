import type { Migration } from '../migration';

/** Accounts that signed in online on this workstation: an argon2 verifier for signing in while central is unreachable. */
export const migration0040: Migration = {
  version: 40,
  name: 'offline-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE offline_accounts (
        login TEXT PRIMARY KEY,
        verifier TEXT NOT NULL,
        account TEXT NOT NULL,
        last_online_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
