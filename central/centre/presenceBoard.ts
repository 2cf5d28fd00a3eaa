import type { EventBus } from '../bus/bus';
import type { CentralEvent } from '../bus/events';

type PresenceEvent = Extract<CentralEvent, { kind: 'presence' }>;

export interface PresenceEntry {
  accountId: string;
  departmentId: string | null;
  status: 'available' | 'busy' | 'away';
  /** When this status began, as this instance heard it. */
  since: string;
}

/**
 * Who is signed in at a socket and in which presence since when (§16), from the presence every instance
 * publishes on the bus. The same status again (a second socket, a reconnect) keeps its `since`; offline
 * drops the account.
 */
export function createPresenceBoard(bus: EventBus, now: () => Date = () => new Date()) {
  const entries = new Map<string, PresenceEntry>();
  const heard = (event: PresenceEvent) => {
    if (event.status === 'offline') return entries.delete(event.accountId);
    const known = entries.get(event.accountId);
    if (known?.status === event.status && known.departmentId === event.departmentId) return;
    entries.set(event.accountId, {
      accountId: event.accountId,
      departmentId: event.departmentId,
      status: event.status,
      since: now().toISOString(),
    });
  };
  const unsubscribe = bus.subscribe((event) => {
    if (event.kind === 'presence' && event.role === 'operator') heard(event);
  });
  return {
    /** The operators present now. */
    present: (): PresenceEntry[] => [...entries.values()],
    close: unsubscribe,
  };
}
export type PresenceBoard = ReturnType<typeof createPresenceBoard>;
