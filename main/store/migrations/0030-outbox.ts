import { v7 as uuidv7 } from 'uuid';
import type { Migration } from '../migration';

/**
 * The transactional outbox and what the console keeps of central's view of a card.
 * Cards saved before the outbox existed never reached central, so each gets its `card.create` here.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'outbox',
  up(db) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN number TEXT;
      ALTER TABLE cards ADD COLUMN department_id TEXT;
      ALTER TABLE cards ADD COLUMN version INTEGER;
      ALTER TABLE cards ADD COLUMN rejected_reason TEXT;
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        card_id TEXT NOT NULL REFERENCES cards (id),
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'inflight', 'sent', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_unsent ON outbox (state, seq);
      CREATE INDEX outbox_by_card ON outbox (card_id, seq);
      CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `);
    const old = db
      .prepare<
        [],
        {
          id: string;
          description: string;
          category: string | null;
          lat: number | null;
          lon: number | null;
          location_source: string | null;
          created_at: string;
        }
      >(
        'SELECT id, description, category, lat, lon, location_source, created_at FROM cards ORDER BY local_number',
      )
      .all();
    const insert = db.prepare(
      `INSERT INTO outbox (id, card_id, type, payload, created_at) VALUES (?, ?, 'card.create', ?, ?)`,
    );
    for (const c of old) {
      const location =
        c.lat === null || c.lon === null
          ? null
          : { lat: c.lat, lon: c.lon, source: c.location_source ?? 'typed' };
      const fields = { description: c.description, category: c.category, location };
      insert.run(uuidv7(), c.id, JSON.stringify({ fields }), c.created_at);
    }
  },
};
