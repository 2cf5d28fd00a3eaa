import type { Migration } from '../migration';

/**
 * What the operator sees of an attached file: its cleaned name, its type (sniffed from the bytes), and why
 * its upload stopped as a closed set (domain/files/cardFile.ts) beside the technical `last_error`.
 * Listing a card's files uses the new index.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'card-file-names',
  up(db) {
    db.exec(`
      ALTER TABLE card_files ADD COLUMN name TEXT NOT NULL DEFAULT '';
      ALTER TABLE card_files ADD COLUMN content_type TEXT NOT NULL DEFAULT 'application/octet-stream';
      ALTER TABLE card_files ADD COLUMN failure TEXT CHECK (failure IN ('network', 'server', 'refused', 'missing'));
      CREATE INDEX card_files_card ON card_files (card_id, created_at);
    `);
  },
};
