import type { ServerMessage } from '../../domain/contract/realtime';
import { neighbouringDepartments } from '../../domain/calls/neighbours';
import type { Territory } from '../../domain/places/territory';
import type { EventBus } from '../bus/bus';
import type { AppealRepository } from './appealRepository';

/** Russia's 112 norm: a call unanswered this long also rings the supervisor and the neighbours. */
export const DEFAULT_ESCALATE_AFTER_MS = 20_000;
/** Territories whose border is this close to the caller are the neighbours that help. */
export const NEIGHBOUR_RADIUS_KM = 30;

export interface CallQueueOptions {
  escalateAfterMs?: number;
  neighbourRadiusKm?: number;
}

/**
 * The territory's queue of calls (§8, issue 13): tells each waiting citizen their place whenever the queue
 * moves, and escalates a call still unanswered after `escalateAfterMs` — once, whichever instance is first.
 * Every instance runs one; each tells only its own citizens' sockets.
 */
export function createCallQueue(
  deps: {
    appeals: AppealRepository;
    bus: EventBus;
    /** The realtime hub's way to tell this instance's citizens their place (a type, not the hub's folder). */
    hub: { tellCitizen(appealId: string, message: ServerMessage): void };
    territories: () => readonly Territory[];
  },
  options: CallQueueOptions = {},
) {
  const escalateAfterMs = options.escalateAfterMs ?? DEFAULT_ESCALATE_AFTER_MS;
  const radiusKm = options.neighbourRadiusKm ?? NEIGHBOUR_RADIUS_KM;
  const timers = new Map<string, NodeJS.Timeout>();

  async function announcePlaces(departmentId: string | null): Promise<void> {
    const waiting = await deps.appeals.waitingCalls(departmentId);
    waiting.forEach((appealId, index) =>
      deps.hub.tellCitizen(appealId, { type: 'call.queue', appealId, place: index + 1 }),
    );
  }

  async function escalate(appealId: string): Promise<void> {
    timers.delete(appealId);
    if (!(await deps.appeals.escalateCall(appealId))) return;
    const found = await deps.appeals.byId(appealId);
    if (!found) return;
    const { appeal } = found;
    const neighbourIds = neighbouringDepartments(
      deps.territories(),
      appeal.departmentId,
      appeal.location,
      radiusKm,
    );
    await deps.bus.publish({
      kind: 'call.escalated',
      departmentId: appeal.departmentId,
      neighbourIds,
      appeal,
    });
  }

  const quietly = (work: Promise<void>) => void work.catch(() => undefined);
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.kind === 'appeal.new' && event.appeal.kind !== 'text') {
      const timer = setTimeout(() => quietly(escalate(event.appeal.id)), escalateAfterMs);
      timer.unref();
      timers.set(event.appeal.id, timer);
      quietly(announcePlaces(event.departmentId));
    }
    if (event.kind === 'appeal.status' && event.status !== 'registered') {
      clearTimeout(timers.get(event.appealId));
      timers.delete(event.appealId);
      quietly(announcePlaces(event.departmentId));
    }
  });

  return {
    /** A citizen's socket joined: they hear their place at once, not at the queue's next move. */
    citizenJoined: (departmentId: string | null) => quietly(announcePlaces(departmentId)),
    close(): void {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
export type CallQueue = ReturnType<typeof createCallQueue>;
