import { z } from 'zod';
import { type InboxItem, InboxItemSchema, inboxOrder } from './inbox';

/**
 * What moved in the inbox since a version the window holds: items new or changed (whole), and the appeals no
 * longer waiting. A refresh under a flood of appeals is then a few hundred items, not 10,000 parsed and
 * drawn again (issue 12, bench queue-render).
 */
export const InboxChangesSchema = z.object({
  upserted: z.array(InboxItemSchema),
  removed: z.array(z.uuid()),
});
export type InboxChanges = z.infer<typeof InboxChangesSchema>;

/**
 * The list a window gets: the whole of it (its first load, or when its version is not one main can bring up
 * to date), or the changes since the version it sent.
 */
export const InboxListAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whole'), items: z.array(InboxItemSchema) }),
  InboxChangesSchema.extend({ kind: z.literal('changes') }),
]);
export type InboxListAnswer = z.infer<typeof InboxListAnswerSchema>;

/**
 * `items` with `changes` applied, in inbox order. Items untouched keep their identity (a row drawn for one is
 * not drawn again) and their place; the changed ones are merged in, so the cost is one pass over the list.
 * Idempotent: changes applied twice give the same list.
 */
export function applyInboxChanges(items: readonly InboxItem[], changes: InboxChanges): InboxItem[] {
  if (changes.upserted.length === 0 && changes.removed.length === 0) return [...items];
  const gone = new Set(changes.removed);
  for (const item of changes.upserted) gone.add(item.appealId);
  const kept = items.filter((item) => !gone.has(item.appealId));
  const arriving = [...changes.upserted].sort(inboxOrder);
  const merged: InboxItem[] = [];
  let k = 0;
  for (const item of arriving) {
    // After every kept item of the same rank: an arrival joins the end of its equals, as central lists it.
    for (let next = kept[k]; next && inboxOrder(next, item) <= 0; next = kept[++k]) merged.push(next);
    merged.push(item);
  }
  return merged.concat(kept.slice(k));
}
