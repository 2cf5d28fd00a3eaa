import type Database from 'better-sqlite3';
import { type InboxItem, InboxItemSchema } from '../../domain/inbox/inbox';
import { cipherOf } from '../store/atRest';

/** The last copy of the inbox per login, replaced whole by each answer from central. */
export function createInboxStore(db: Database.Database) {
  // An item carries the appeal's text (the citizen's words): sealed at rest, like the card's.
  const cipher = cipherOf(db);
  const clear = db.prepare('DELETE FROM inbox_items WHERE account = ?');
  const insert = db.prepare(
    'INSERT INTO inbox_items (account, position, appeal_id, item) VALUES (?, ?, ?, ?)',
  );
  const stamp = db.prepare(
    'INSERT INTO inbox_fetches (account, fetched_at) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET fetched_at = excluded.fetched_at',
  );
  const select = db.prepare<[string], { item: string }>(
    'SELECT item FROM inbox_items WHERE account = ? ORDER BY position',
  );
  const fetched = db.prepare<[string], { fetched_at: string }>(
    'SELECT fetched_at FROM inbox_fetches WHERE account = ?',
  );
  const replace = db.transaction((account: string, items: readonly InboxItem[], at: string) => {
    clear.run(account);
    items.forEach((item, position) =>
      insert.run(account, position, item.appealId, cipher.seal(JSON.stringify(item))),
    );
    stamp.run(account, at);
  });
  return {
    replace: (account: string, items: readonly InboxItem[], at: string) =>
      replace.immediate(account, items, at),
    /** The copy as stored; a row this console never wrote is refused here, not in the UI. */
    read(account: string): { items: InboxItem[]; fetchedAt: string | null } {
      return {
        items: select.all(account).map((r) => InboxItemSchema.parse(JSON.parse(cipher.open(r.item)))),
        fetchedAt: fetched.get(account)?.fetched_at ?? null,
      };
    },
  };
}
export type InboxStore = ReturnType<typeof createInboxStore>;
