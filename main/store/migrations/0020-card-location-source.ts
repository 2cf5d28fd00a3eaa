import type { Migration } from '../migration';

/** Cards remember whether the location was typed, clicked on the map or sent by the caller's device. */
export const migration0020: Migration = {
  version: 20,
  name: 'card-location-source',
  up(db) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN location_source TEXT;
      UPDATE cards SET location_source = 'typed' WHERE lat IS NOT NULL;
    `);
  },
};
