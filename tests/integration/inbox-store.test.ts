import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../domain/inbox/inbox';
import { createInboxStore } from '../../main/inbox/inboxStore';
import { openDatabase } from '../../main/store/database';
import { anInboxItem } from '../support/inboxItems';
import { tempDir } from '../support/tempDir';

describe('the last copy of the inbox on disk (issue 12, offline)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.reverse()) c();
    cleanups.length = 0;
  });

  it('follows what changed without rewriting the items that did not, and reads back in inbox order', () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const db = openDatabase(`${temp.dir}/console.sqlite`);
    cleanups.push(() => db.close());
    const store = createInboxStore(db);
    const sealed = () =>
      new Map(
        db
          .prepare<[], { appeal_id: string; item: string }>('SELECT appeal_id, item FROM inbox_items')
          .all()
          .map((r) => [r.appeal_id, r.item]),
      );
    const [kept, claimed, gone] = [1, 2, 3].map((m) => anInboxItem(m)) as [InboxItem, InboxItem, InboxItem];
    store.replace('operator', [kept, claimed, gone], '2026-11-30T12:05:00.000Z');
    const before = sealed();

    const sos = anInboxItem(4, { kind: 'sos', channel: 'sos', text: null });
    const nowClaimed = { ...claimed, claimedBy: '0195a0b0-0000-7000-8000-000000000001' };
    store.apply(
      'operator',
      { upserted: [sos, nowClaimed], removed: [gone.appealId] },
      '2026-11-30T12:06:00.000Z',
    );

    expect(store.read('operator')).toEqual({
      items: [sos, kept, nowClaimed],
      fetchedAt: '2026-11-30T12:06:00.000Z',
    });
    const after = sealed();
    expect(after.get(kept.appealId)).toBe(before.get(kept.appealId));
    expect(after.get(claimed.appealId)).not.toBe(before.get(claimed.appealId));
    expect(after.has(gone.appealId)).toBe(false);
    // Another login's copy is its own.
    expect(store.read('supervisor').items).toEqual([]);
  });
});
