import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { CentralEvent } from './events';
import { busRepository } from './busRepository';

const CHANNEL = 'central_events';
/** NOTIFY payloads are limited to 8000 bytes; keep a margin for the envelope. */
const NOTIFY_MAX_BYTES = 7000;

/** One NOTIFY: several events in order, or the id of one parked in `bus_spill`. */
interface Envelope {
  from: string;
  events?: CentralEvent[];
  spill?: string;
}

export interface EventBus {
  readonly instanceId: string;
  publish(event: CentralEvent): Promise<void>;
  subscribe(handler: (event: CentralEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * Delivers events to this instance at once and, on PostgreSQL, to every other instance through
 * LISTEN/NOTIFY, so several instances on one database behave as one. PGlite is single-instance by
 * nature: local delivery only.
 */
export async function createEventBus(db: Database): Promise<EventBus> {
  const instanceId = randomUUID();
  const handlers = new Set<(event: CentralEvent) => void>();
  const deliver = (event: CentralEvent) => {
    for (const h of handlers) h(event);
  };

  let unlisten: (() => Promise<void>) | null = null;
  if (db.kind === 'postgres') {
    unlisten = await db.listen(CHANNEL, (payload) => {
      void (async () => {
        const envelope = JSON.parse(payload) as Envelope;
        if (envelope.from === instanceId) return;
        if (envelope.events) return envelope.events.forEach(deliver);
        if (envelope.spill) {
          const event = await busRepository.spilled(db, envelope.spill);
          if (event) deliver(event);
        }
      })().catch(() => undefined);
    });
  }

  async function spill(event: CentralEvent): Promise<string> {
    const id = randomUUID();
    await busRepository.spill(db, id, event);
    return JSON.stringify({ from: instanceId, spill: id } satisfies Envelope);
  }

  /** Packs events, in order, into as few notifications as fit; an event too big for one is spilled. */
  async function envelopes(events: readonly CentralEvent[]): Promise<string[]> {
    const payloads: string[] = [];
    let group: CentralEvent[] = [];
    let bytes = 0;
    const close = () => {
      if (group.length > 0)
        payloads.push(JSON.stringify({ from: instanceId, events: group } satisfies Envelope));
      group = [];
      bytes = 0;
    };
    for (const event of events) {
      const size = Buffer.byteLength(JSON.stringify(event)) + 1;
      if (size > NOTIFY_MAX_BYTES) {
        close();
        payloads.push(await spill(event));
        continue;
      }
      if (bytes + size > NOTIFY_MAX_BYTES) close();
      group.push(event);
      bytes += size;
    }
    close();
    return payloads;
  }

  // Events wait here while a notification is on its way, and go together in the next ones: a push of 200
  // cards is a few notifications, not 200 round trips. One drain at a time keeps the order on the other
  // instances (an ICE candidate must not overtake its offer), without making the publisher wait.
  let queued: CentralEvent[] = [];
  let draining: Promise<void> | null = null;
  async function drain(): Promise<void> {
    try {
      while (queued.length > 0) {
        const batch = queued;
        queued = [];
        for (const payload of await envelopes(batch))
          await busRepository.notify(db, CHANNEL, payload).catch(() => undefined);
      }
    } catch {
      // The database went away; the events are lost to other instances as a dropped socket would lose them.
    } finally {
      draining = null;
    }
  }

  return {
    instanceId,
    async publish(event) {
      deliver(event);
      if (db.kind !== 'postgres') return;
      queued.push(event);
      draining ??= drain();
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      handlers.clear();
      await draining;
      await unlisten?.();
    },
  };
}
