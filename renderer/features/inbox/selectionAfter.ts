import type { InboxItem } from '../../../domain/inbox/inbox';

/**
 * The selection stays on the appeal the operator was looking at when the list changes: an SOS arriving above it
 * moved the index onto another appeal, and Enter then opened the wrong one. Gone (taken, forwarded), the one now
 * in its place is selected.
 */
export function selectionAfter(
  before: readonly InboxItem[],
  index: number,
  after: readonly InboxItem[],
): number {
  const last = Math.max(0, after.length - 1);
  if (after === before) return Math.min(index, last);
  const was = before[index]?.appealId;
  const now = was === undefined ? -1 : after.findIndex((item) => item.appealId === was);
  return now >= 0 ? now : Math.min(index, last);
}
