import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../domain/dispatch/unit';
import type { Central } from '../../central/server';
import { createUnitStore } from '../../main/store/units';
import { createUnitsService } from '../../main/units/unitsService';
import { tempDir } from '../support/tempDir';
import { type TcpProxy, startTcpProxy } from '../support/sync/tcpProxy';
import { aCentral, aSyncingConsole, demoToken, portOf } from '../support/sync/testConsole';

async function liveUnits(central: Central, login: string): Promise<Unit[]> {
  const r = await fetch(`${central.url}/api/units/live`, {
    headers: { authorization: `Bearer ${await demoToken(central.url, login)}` },
  });
  return ((await r.json()) as { units: Unit[] }).units;
}

describe("a unit's status set from the console (§13)", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('reaches central at once, is refused for another territory, and is never queued with central down', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const proxy: TcpProxy = await startTcpProxy();
    cleanups.push(() => proxy.close());
    const central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    proxy.setTarget(portOf(central.url));

    const desk = aSyncingConsole(temp.dir, proxy.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'inspector', password: 'inspector' })).ok).toBe(true);
    const emitted: Unit[] = [];
    const units = createUnitsService({
      store: createUnitStore(desk.db, { outbox: desk.outbox }),
      central: desk.sync.central,
      session: () => desk.sync.session.current(),
      emit: (changed) => emitted.push(...changed),
      now: () => new Date(),
    });
    expect(await units.refresh()).toBe(true);

    const set = await units.setStatus('kz-almaty-p1', 'offDuty');
    expect(set).toMatchObject({ ok: true, value: { id: 'kz-almaty-p1', status: 'offDuty' } });
    expect((await liveUnits(central, 'supervisor')).find((u) => u.id === 'kz-almaty-p1')?.status).toBe(
      'offDuty',
    );
    // The console's copy and its screens have it too, without waiting for the socket.
    expect(units.list().units.find((u) => u.id === 'kz-almaty-p1')?.status).toBe('offDuty');
    expect(emitted.at(-1)).toMatchObject({ id: 'kz-almaty-p1', status: 'offDuty' });

    // Astana's unit does not exist for Almaty's inspector.
    expect(await units.setStatus('kz-astana-esil-p1', 'busy')).toEqual({
      ok: false,
      refusal: 'unit.notFound',
    });

    proxy.setTarget(null);
    proxy.dropAll();
    const outboxBefore = desk.ledger.status().unsent;
    expect(await units.setStatus('kz-almaty-p1', 'free')).toEqual({ ok: false, offline: true });
    expect(desk.ledger.status().unsent).toBe(outboxBefore);
    expect(units.list().units.find((u) => u.id === 'kz-almaty-p1')?.status).toBe('offDuty');
  });
});
