import type { Migration } from '../migration';

/**
 * What the operator typed is kept whatever its validity: coordinates that are not a valid place (`432389`,
 * `1e1`, a point abroad) are stored as typed, as JSON `{"lat": "…", "lon": "…"}`, next to the card's last
 * valid place, which is what central gets. NULL when the coordinates on the card are the ones typed.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'typed-coordinates',
  up(db) {
    db.exec('ALTER TABLE cards ADD COLUMN typed_coordinates TEXT');
  },
};
