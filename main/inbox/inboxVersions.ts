import type { InboxItem } from '../../domain/inbox/inbox';
import type { InboxChanges, InboxListAnswer } from '../../domain/inbox/inboxChanges';

/** How many refreshes back a window's version is brought up to date by changes; an older one gets the whole list. */
const KEPT_GENERATIONS = 64;

/** Whether two values read from JSON are the same (no strings built: 10,000 items are compared every refresh). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameJson(aRecord[key], bRecord[key]));
}

/**
 * The inbox as main last took it (central's list, or the copy), numbered: each take that changes something is a
 * new generation, logged with the appeals it touched. A window sends the version it holds and gets only what
 * moved since; the whole list on its first load, after a restart of main (a new epoch: a host-mode tab outlives
 * it) or when it fell too far behind.
 */
export function createInboxVersions(epoch: string) {
  let generation = 0;
  let held = new Map<string, InboxItem>();
  /** Generation g's entry lists the appeals that changed from g - 1 to g. */
  const log: { generation: number; appealIds: string[] }[] = [];
  const version = () => `${epoch}.${generation}`;

  const changesSince = (base: number): InboxChanges => {
    const touched = new Set<string>();
    for (const entry of log) if (entry.generation > base) for (const id of entry.appealIds) touched.add(id);
    const changes: InboxChanges = { upserted: [], removed: [] };
    for (const id of touched) {
      const now = held.get(id);
      if (now) changes.upserted.push(now);
      else changes.removed.push(id);
    }
    return changes;
  };

  return {
    version,
    /** Whether anything was taken yet (a first take replaces the copy on disk whole). */
    taken: () => generation > 0,
    /** Takes the list as it is now; answers what changed since the last take. */
    take(items: readonly InboxItem[]): InboxChanges {
      const next = new Map<string, InboxItem>();
      const changes: InboxChanges = { upserted: [], removed: [] };
      for (const item of items) {
        const before = held.get(item.appealId);
        const same = before !== undefined && sameJson(before, item);
        next.set(item.appealId, same ? before : item);
        if (!same) changes.upserted.push(item);
      }
      for (const id of held.keys()) if (!next.has(id)) changes.removed.push(id);
      held = next;
      if (generation > 0 && changes.upserted.length === 0 && changes.removed.length === 0) return changes;
      generation++;
      log.push({
        generation,
        appealIds: [...changes.upserted.map((i) => i.appealId), ...changes.removed],
      });
      if (log.length > KEPT_GENERATIONS) log.shift();
      return changes;
    },
    /** For a window holding `known`: the changes since it, or the whole list when `known` cannot be brought up. */
    answerFor(known: string | undefined): InboxListAnswer {
      const base = known?.startsWith(`${epoch}.`) ? Number(known.slice(epoch.length + 1)) : NaN;
      const oldest = (log[0]?.generation ?? generation + 1) - 1;
      if (Number.isInteger(base) && base >= oldest && base <= generation && base > 0)
        return { kind: 'changes', ...changesSince(base) };
      return { kind: 'whole', items: [...held.values()] };
    },
  };
}
export type InboxVersions = ReturnType<typeof createInboxVersions>;
