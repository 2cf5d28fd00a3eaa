import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../domain/inbox/inbox';
import { selectionAfter } from '../../../renderer/features/inbox/selectionAfter';

/** Only the appeal's id matters to the selection. */
const anInboxItem = (n: number, overrides: Partial<InboxItem> = {}) =>
  ({ appealId: `0193a1b2-0000-7000-8000-00000000000${n}`, kind: 'text', ...overrides }) as InboxItem;

describe('the inbox selection when the list changes', () => {
  const [a, b, c] = [anInboxItem(1), anInboxItem(2), anInboxItem(3)];

  it('stays on the appeal the operator looks at when an SOS arrives above it', () => {
    const sos = anInboxItem(4, { kind: 'sos', channel: 'sos' });
    expect(selectionAfter([a, b, c], 1, [sos, a, b, c])).toBe(2);
  });

  it('moves to the one now in its place when the appeal is gone (taken, forwarded), and never past the end', () => {
    expect(selectionAfter([a, b, c], 1, [a, c])).toBe(1);
    expect(selectionAfter([a, b, c], 2, [a, b])).toBe(1);
    expect(selectionAfter([a, b, c], 0, [])).toBe(0);
  });

  it('keeps the index when the list is the same', () => {
    const list = [a, b, c];
    expect(selectionAfter(list, 2, list)).toBe(2);
  });
});
