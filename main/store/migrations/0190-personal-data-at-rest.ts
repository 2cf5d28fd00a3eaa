import type { Migration } from '../migration';

/**
 * Personal data at rest (issue 11 item 12): the citizen's words and the applicant's identity are sealed with the
 * console's at-rest key (main/store/atRest.ts) wherever they are stored: the card's description and details
 * (applicant, typed address…), every operation's payload (sent or not), chat lines and the inbox copy.
 * `at_rest_keys` holds, per key that ever sealed a row here, a sealed known text: a key that is missing or
 * does not open it stops the console with a clear error instead of orphaning the rows.
 */
export const migration0190: Migration = {
  version: 190,
  name: 'personal-data-at-rest',
  up(db, { cipher }) {
    db.exec(`CREATE TABLE at_rest_keys (key_id TEXT PRIMARY KEY, probe TEXT NOT NULL) STRICT;`);
    const columns: readonly { table: string; key: string; column: string }[] = [
      { table: 'cards', key: 'id', column: 'description' },
      { table: 'cards', key: 'id', column: 'details' },
      { table: 'outbox', key: 'seq', column: 'payload' },
      { table: 'outbox_sent', key: 'seq', column: 'payload' },
      { table: 'chat_messages', key: 'id', column: 'text' },
      { table: 'inbox_items', key: 'rowid', column: 'item' },
    ];
    for (const { table, key, column } of columns) {
      const rows = db
        .prepare<[], { k: string | number; v: string }>(
          `SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`,
        )
        .all();
      if (rows.length === 0) continue;
      if (!cipher) throw new Error(`migration 0190 needs the at-rest key to seal ${table}.${column}`);
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
      for (const row of rows) update.run(cipher.seal(row.v), row.k);
    }
  },
};
