import type { Migration } from '../migration';

/**
 * A draft save is one fsync-ed commit, and its cost grows with the B-tree pages it dirties: it wrote nine
 * (cards and three indexes, outbox and three indexes, sqlite_sequence). Rebuilt so that it writes four:
 * - cards: `local_number` is the rowid (the next one is the last plus one), `id` stays unique. The list
 *   reads every card anyway, so it sorts them rather than keep an index on `updated_at` that every save
 *   rewrites. Rejected cards are found through a partial index that an ordinary card never enters.
 *   (WITHOUT ROWID on `id` dirties as many pages and splits more often: a card row is too big for it.)
 * - outbox: holds only what central has not taken (pending, in flight, rejected), so operations are taken
 *   in `seq` (rowid) order with no index on state. Sent operations move to `outbox_sent`. Without
 *   AUTOINCREMENT the outbox gives `seq` itself: one more than the highest in either table, so it only
 *   grows and is never given twice. Operations are found by card (and id), so `id` needs no index here.
 * Every row is kept.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'lean-save',
  up(db) {
    db.exec(`
      CREATE TABLE cards_rebuilt (
        local_number INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        description TEXT NOT NULL,
        category TEXT,
        lat REAL,
        lon REAL,
        location_source TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        number TEXT,
        department_id TEXT,
        version INTEGER,
        rejected_reason TEXT
      ) STRICT;
      INSERT INTO cards_rebuilt (id, local_number, status, description, category, lat, lon, location_source,
          created_at, updated_at, number, department_id, version, rejected_reason)
        SELECT id, local_number, status, description, category, lat, lon, location_source,
          created_at, updated_at, number, department_id, version, rejected_reason FROM cards;
      DROP TABLE cards;
      ALTER TABLE cards_rebuilt RENAME TO cards;
      CREATE INDEX cards_rejected ON cards (rejected_reason) WHERE rejected_reason IS NOT NULL;

      CREATE TABLE outbox_rebuilt (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        card_id TEXT NOT NULL REFERENCES cards (id),
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        account TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'inflight', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE TABLE outbox_sent (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        card_id TEXT NOT NULL REFERENCES cards (id),
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        account TEXT,
        attempts INTEGER NOT NULL
      ) STRICT;
      INSERT INTO outbox_rebuilt (seq, id, card_id, type, payload, created_at, account, state, attempts, last_error)
        SELECT seq, id, card_id, type, payload, created_at, account, state, attempts, last_error FROM outbox
        WHERE state <> 'sent';
      INSERT INTO outbox_sent (seq, id, card_id, type, payload, created_at, account, attempts)
        SELECT seq, id, card_id, type, payload, created_at, account, attempts FROM outbox WHERE state = 'sent';
      DROP TABLE outbox;
      ALTER TABLE outbox_rebuilt RENAME TO outbox;
      CREATE INDEX outbox_by_card ON outbox (card_id, seq);
    `);
  },
};
