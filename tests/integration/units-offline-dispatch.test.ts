import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../domain/cards/card';
import type { Unit } from '../../domain/dispatch/unit';
import type { Central } from '../../central/server';
import { createUnitStore } from '../../main/store/units';
import { tempDir } from '../support/tempDir';
import { type TcpProxy, startTcpProxy } from '../support/sync/tcpProxy';
import { aCentral, aSyncingConsole, demoToken, portOf } from '../support/sync/testConsole';
import { waitFor } from '../support/waitFor';

const PLACE = { lat: 43.2567, lon: 76.9286, source: 'map' } as const;
const UNITS = ['kz-almaty-p1', 'kz-almaty-p2'];

async function call<T>(base: string, method: string, path: string, token: string, body?: unknown) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await r.json()) as T;
}

describe('a dispatch made offline (§13)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('waits in the outbox as one operation with its units marked, and reaches central once', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const proxy: TcpProxy = await startTcpProxy();
    cleanups.push(() => proxy.close());
    let central: Central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    proxy.setTarget(portOf(central.url));

    // The operator's card, sent to the senior inspector.
    const cardId = uuidv7();
    const createdAt = new Date().toISOString();
    await call(central.url, 'POST', '/api/sync/push', await demoToken(central.url, 'operator'), {
      operations: [
        {
          id: uuidv7(),
          type: 'card.create',
          cardId,
          createdAt,
          payload: {
            fields: { description: 'Төбелес', category: 'otherOffence', location: PLACE, urgent: true },
          },
        },
        {
          id: uuidv7(),
          type: 'card.transition',
          cardId,
          createdAt,
          payload: { transition: 'sendToInspector' },
        },
      ],
    });

    const desk = aSyncingConsole(temp.dir, proxy.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'inspector', password: 'inspector' })).ok).toBe(true);
    await desk.sync.engine.idle();
    const units = createUnitStore(desk.db, { outbox: desk.outbox });
    const live = await call<{ units: Unit[] }>(
      central.url,
      'GET',
      '/api/units/live',
      await demoToken(central.url, 'inspector'),
    );
    units.replace('inspector', live.units, new Date().toISOString());

    await central.close();
    proxy.setTarget(null);
    proxy.dropAll();
    const sent = units.dispatch('inspector', cardId, UNITS, new Date().toISOString());
    expect(sent.map((u) => [u.id, u.status, u.cardId])).toEqual(UNITS.map((id) => [id, 'enRoute', cardId]));
    desk.sync.syncNow();
    await waitFor(() => desk.connectivity.current().state === 'offline');
    expect(desk.ledger.status().unsent).toBe(1);

    central = await aCentral(temp.dir);
    proxy.setTarget(portOf(central.url));
    desk.sync.syncNow();
    await desk.sync.engine.idle();
    await waitFor(() => desk.ledger.status().unsent === 0);
    desk.sync.syncNow();
    await desk.sync.engine.idle();

    const token = await demoToken(central.url, 'inspector');
    const card = await call<{ card: Card }>(central.url, 'GET', `/api/cards/${cardId}`, token);
    expect(card.card.dispatchedUnitIds).toEqual(UNITS);
    const after = await call<{ units: Unit[] }>(central.url, 'GET', '/api/units/live', token);
    for (const id of UNITS)
      expect(after.units.find((u) => u.id === id)).toMatchObject({ status: 'enRoute', cardId });
  });
});
