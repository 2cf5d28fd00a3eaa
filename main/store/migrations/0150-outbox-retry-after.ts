import type { Migration } from '../migration';

/**
 * An operation central failed on by itself (a whole-batch server error narrowed down to it) waits until
 * `retry_after` before it is sent again, so it is retried with backoff while the operations behind it flow.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'outbox-retry-after',
  up(db) {
    db.exec(`ALTER TABLE outbox ADD COLUMN retry_after TEXT;`);
  },
};
