import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { CentralEvent } from './events';

const CHANNEL = 'central_events';
/** NOTIFY payloads are limited to 8000 bytes; keep a margin for the envelope. */
const NOTIFY_MAX_BYTES = 7000;

interface Envelope {
  from: string;
  event?: CentralEvent;
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
        if (envelope.event) return deliver(envelope.event);
        if (envelope.spill) {
          const rows = await db.query<{ payload: CentralEvent }>(
            'select payload from bus_spill where id = $1',
            [envelope.spill],
          );
          if (rows[0]) deliver(rows[0].payload);
        }
      })().catch(() => undefined);
    });
  }

  async function notify(event: CentralEvent): Promise<void> {
    let payload = JSON.stringify({ from: instanceId, event } satisfies Envelope);
    if (Buffer.byteLength(payload) > NOTIFY_MAX_BYTES) {
      const spill = randomUUID();
      await db.query('insert into bus_spill (id, payload) values ($1, $2::jsonb)', [
        spill,
        JSON.stringify(event),
      ]);
      // Spilled events are read within milliseconds; a minute is ample before they are swept.
      await db.query(`delete from bus_spill where at < now() - interval '1 minute'`);
      payload = JSON.stringify({ from: instanceId, spill } satisfies Envelope);
    }
    await db.query('select pg_notify($1, $2)', [CHANNEL, payload]);
  }

  // One queue keeps this instance's events in order on the other instances (an ICE candidate must not
  // overtake its offer), without making the caller wait for the round trip.
  let outbound: Promise<void> = Promise.resolve();

  return {
    instanceId,
    async publish(event) {
      deliver(event);
      if (db.kind !== 'postgres') return;
      outbound = outbound.then(() => notify(event)).catch(() => undefined);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      handlers.clear();
      await outbound;
      await unlisten?.();
    },
  };
}
