import type { Migration } from '../migration';

/**
 * Whose operation it is: the login signed in when it was written (NULL: nobody was). A shared workstation
 * changes hands at shift change, and central must see each change under the account that made it.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'outbox-account',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN account TEXT;');
  },
};
