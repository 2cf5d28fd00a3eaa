import type { Migration } from '../migration';

/**
 * The senior inspector's board and the duty unit (issue 14): what central decides of a card beyond its status —
 * the КІҚЖ number (§14), when it was sent and taken (§13's timer) and its outcome — kept with the card so the
 * board works from the last copy offline; and the board's last copies from central (the §13 limits, each card's
 * history and warnings), by key.
 */
export const migration0240: Migration = {
  version: 240,
  name: 'board',
  up(db) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN kuizh_number TEXT;
      ALTER TABLE cards ADD COLUMN sent_at TEXT;
      ALTER TABLE cards ADD COLUMN taken_at TEXT;
      ALTER TABLE cards ADD COLUMN outcome TEXT;
      CREATE TABLE board_copies (key TEXT PRIMARY KEY, body TEXT NOT NULL, fetched_at TEXT NOT NULL) STRICT;
    `);
  },
};
