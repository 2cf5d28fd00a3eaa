import type Database from 'better-sqlite3';
import { type InboxItem, InboxItemSchema, inboxOrder } from '../../domain/inbox/inbox';
import type { InboxChanges } from '../../domain/inbox/inboxChanges';
import { cipherOf } from '../store/atRest';

/**
 * The last copy of the inbox per login: written whole on the first answer from central, then only what changed
 * (a refresh under a flood touches a few hundred rows, not 10,000 sealed ones). A row's `position` is its slot,
 * not its rank: items are read back in inbox order.
 */
export function createInboxStore(db: Database.Database) {
  // An item carries the appeal's text (the citizen's words): sealed at rest, like the card's.
  const cipher = cipherOf(db);
  const clear = db.prepare('DELETE FROM inbox_items WHERE account = ?');
  const insert = db.prepare(
    'INSERT INTO inbox_items (account, position, appeal_id, item) VALUES (?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE inbox_items SET item = ? WHERE account = ? AND position = ?');
  const remove = db.prepare('DELETE FROM inbox_items WHERE account = ? AND position = ?');
  const stamp = db.prepare(
    'INSERT INTO inbox_fetches (account, fetched_at) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET fetched_at = excluded.fetched_at',
  );
  const select = db.prepare<[string], { item: string }>(
    'SELECT item FROM inbox_items WHERE account = ? ORDER BY position',
  );
  const slots = db.prepare<[string], { position: number; appeal_id: string }>(
    'SELECT position, appeal_id FROM inbox_items WHERE account = ?',
  );
  const fetched = db.prepare<[string], { fetched_at: string }>(
    'SELECT fetched_at FROM inbox_fetches WHERE account = ?',
  );
  const seal = (item: InboxItem) => cipher.seal(JSON.stringify(item));
  const replace = db.transaction((account: string, items: readonly InboxItem[], at: string) => {
    clear.run(account);
    items.forEach((item, position) => insert.run(account, position, item.appealId, seal(item)));
    stamp.run(account, at);
  });
  const apply = db.transaction((account: string, changes: InboxChanges, at: string) => {
    // Each appeal's slot, read without opening a single item (the key is the slot, not the appeal).
    const slotOf = new Map(slots.all(account).map((r) => [r.appeal_id, r.position]));
    let free = 0;
    for (const position of slotOf.values()) free = Math.max(free, position + 1);
    for (const appealId of changes.removed) {
      const position = slotOf.get(appealId);
      if (position !== undefined) remove.run(account, position);
    }
    for (const item of changes.upserted) {
      const position = slotOf.get(item.appealId);
      if (position === undefined) insert.run(account, free++, item.appealId, seal(item));
      else update.run(seal(item), account, position);
    }
    stamp.run(account, at);
  });
  return {
    replace: (account: string, items: readonly InboxItem[], at: string) =>
      replace.immediate(account, items, at),
    /** What moved since the copy was written (the changes central's newer answer brings). */
    apply: (account: string, changes: InboxChanges, at: string) => apply.immediate(account, changes, at),
    /** The copy as stored; a row this console never wrote is refused here, not in the UI. */
    read(account: string): { items: InboxItem[]; fetchedAt: string | null } {
      return {
        items: select
          .all(account)
          .map((r) => InboxItemSchema.parse(JSON.parse(cipher.open(r.item))))
          .sort(inboxOrder),
        fetchedAt: fetched.get(account)?.fetched_at ?? null,
      };
    },
  };
}
export type InboxStore = ReturnType<typeof createInboxStore>;
