import type { Migration } from '../migration';

/**
 * A card file whose bytes the retention period removed from this workstation keeps its row, marked with
 * when: the card still lists it (as removed), and the purge is never done twice.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'card-file-retention',
  up(db) {
    db.exec(`
      ALTER TABLE card_files ADD COLUMN purged_at TEXT;
      CREATE INDEX card_files_kept ON card_files (created_at) WHERE purged_at IS NULL AND uploaded = 1;
    `);
  },
};
