import { describe, expect, it } from 'vitest';
import { type InboxItem, inboxOrder } from '../../domain/inbox/inbox';
import { type InboxListAnswer, applyInboxChanges } from '../../domain/inbox/inboxChanges';
import { createInboxVersions } from '../../main/inbox/inboxVersions';
import { anInboxItem } from '../support/inboxItems';

const ids = (items: readonly InboxItem[]) => items.map((i) => i.appealId);
/** What a window holds after an answer: the whole list, or its own list with the changes applied. */
const held = (before: readonly InboxItem[], answer: InboxListAnswer) =>
  answer.kind === 'whole' ? answer.items : applyInboxChanges(before, answer);

describe('the inbox brought up to date by what changed (issue 12, bench queue-render)', () => {
  it('merges arrivals into their place, replaces changed items, drops removed ones and keeps the rest as they were', () => {
    const texts = [1, 2, 3, 4].map((m) => anInboxItem(m));
    const [first, second, third, fourth] = texts as [InboxItem, InboxItem, InboxItem, InboxItem];
    const sos = anInboxItem(9, { kind: 'sos', channel: 'sos', text: null });
    const lateText = anInboxItem(8);
    const claimed = { ...second, claimedBy: '0195a0b0-0000-7000-8000-000000000001' };

    const after = applyInboxChanges(texts, { upserted: [lateText, claimed, sos], removed: [third.appealId] });

    expect(ids(after)).toEqual(ids([sos, first, claimed, fourth, lateText]));
    expect(after[2]).toBe(claimed);
    // Untouched items are the very objects held before: their rows are not drawn again.
    expect(after[1]).toBe(first);
    expect(after[3]).toBe(fourth);
    expect(
      applyInboxChanges(after, { upserted: [lateText, claimed, sos], removed: [third.appealId] }),
    ).toEqual(after);
  });

  it('answers a window the changes since the version it holds, and the whole list when it holds none main knows', () => {
    const versions = createInboxVersions('e1');
    const start = [1, 2, 3].map((m) => anInboxItem(m));
    versions.take(start);
    const first = versions.answerFor(undefined);
    expect(first).toEqual({ kind: 'whole', items: start });
    const v1 = versions.version();

    // Nothing moved: the same version, and nothing to send.
    versions.take(start.map((i) => ({ ...i })));
    expect(versions.version()).toBe(v1);
    expect(versions.answerFor(v1)).toEqual({ kind: 'changes', upserted: [], removed: [] });

    const arrived = anInboxItem(5);
    const claimed = { ...start[0]!, claimedBy: '0195a0b0-0000-7000-8000-000000000001' };
    versions.take([claimed, start[1]!, start[2]!, arrived]);
    const v2 = versions.version();
    versions.take([claimed, start[2]!, arrived]);

    // Two refreshes behind: one answer carries both, each item once, as it is now.
    const answer = versions.answerFor(v1);
    expect(answer).toEqual({ kind: 'changes', upserted: [claimed, arrived], removed: [start[1]!.appealId] });
    expect(held(start, answer)).toEqual([claimed, start[2], arrived]);
    expect(held([claimed, start[1]!, start[2]!, arrived], versions.answerFor(v2))).toEqual([
      claimed,
      start[2],
      arrived,
    ]);

    // Another run of main (a host-mode tab outlives it), or a version never given: the whole list.
    expect(versions.answerFor(v1.replace('e1', 'e0')).kind).toBe('whole');
    expect(versions.answerFor('e1.99').kind).toBe('whole');
    expect(versions.answerFor('e1.x').kind).toBe('whole');
  });

  it('sends a window that fell too far behind the whole list, and any window ends with the list main holds', () => {
    const versions = createInboxVersions('e2');
    let list = [anInboxItem(0)];
    versions.take(list);
    const windows: { version: string; items: InboxItem[] }[] = [{ version: versions.version(), items: list }];
    for (let refresh = 1; refresh <= 70; refresh++) {
      list = [...list.filter((_, i) => i % 7 !== 3), anInboxItem(refresh), anInboxItem(refresh)].sort(
        inboxOrder,
      );
      versions.take(list);
      // A window that refreshes every tenth time only.
      if (refresh % 10 === 0) windows.push({ version: versions.version(), items: list });
    }
    for (const window of windows) {
      const answer = versions.answerFor(window.version);
      expect(ids(held(window.items, answer))).toEqual(ids(list));
    }
    expect(versions.answerFor(windows[0]!.version).kind).toBe('whole');
    expect(versions.answerFor(windows.at(-1)!.version).kind).toBe('changes');
  });
});
