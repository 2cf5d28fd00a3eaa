import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

/**
 * Rebuilds an outbox table as it stands (whatever columns later migrations gave it) without its reference to
 * `cards`: an inbox action has no card, its operation is keyed by its appeal. SQLite's documented way to drop a
 * constraint (create, copy, drop, rename, indexes again); `seq` and every row are kept as they are.
 */
function withoutCardReference(db: Database.Database, table: 'outbox' | 'outbox_sent') {
  const create = db
    .prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table)?.sql;
  if (!create) throw new Error(`no table ${table}`);
  const indexes = db
    .prepare<[string], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    )
    .all(table);
  const body = create.slice(create.indexOf('('));
  const rebuilt = body.replace(/\s+REFERENCES\s+cards\s*\(\s*id\s*\)/i, '');
  if (rebuilt === body) throw new Error(`${table} has no reference to cards to drop`);
  db.exec(`CREATE TABLE ${table}_rebuilt ${rebuilt}`);
  db.exec(`INSERT INTO ${table}_rebuilt SELECT * FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${table}_rebuilt RENAME TO ${table}`);
  for (const index of indexes) db.exec(index.sql);
}

/**
 * Inbox actions taken while central was out of reach (issue 12): each is an operation of the outbox (so it reaches
 * central exactly once, in order per appeal), and a row here, written in the same transaction, says what the inbox
 * shows: queued until central takes it, refused with central's code (translated on screen) when it would not.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'inbox-actions',
  up(db) {
    withoutCardReference(db, 'outbox');
    withoutCardReference(db, 'outbox_sent');
    // What the reference guarded still holds for every operation that is a card's: one of a card this console
    // does not have is refused as the reference refused it. Only an inbox claim or forward names an appeal.
    db.exec(`
      CREATE TRIGGER outbox_operation_of_a_known_card BEFORE INSERT ON outbox
      WHEN NEW.type NOT IN ('inbox.claim', 'inbox.forward')
        AND NOT EXISTS (SELECT 1 FROM cards WHERE id = NEW.card_id)
      BEGIN
        SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: an operation of a card this console does not have');
      END;
    `);
    db.exec(`
      CREATE TABLE inbox_actions (
        operation_id TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        appeal_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('claim', 'forward', 'link')),
        state TEXT NOT NULL CHECK (state IN ('queued', 'refused')),
        code TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inbox_actions_by_account ON inbox_actions (account, at);
    `);
  },
};
