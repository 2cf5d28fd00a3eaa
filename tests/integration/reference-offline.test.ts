import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central/server';
import { type ConsoleMethod, type MethodOutput, consoleApi } from '../../domain/contract/ipc';
import { createApiHandlers, invokeApi } from '../../main/api';
import { MachineConfigSchema } from '../../main/config';
import { type Services, createServices } from '../../main/services';
import { memoryLogger } from '../support/console';
import { tempDir } from '../support/tempDir';
import { waitFor } from '../support/waitFor';

async function call<M extends ConsoleMethod>(services: Services, method: M): Promise<MethodOutput<M>> {
  const result = await invokeApi(createApiHandlers(services), method, {}, memoryLogger());
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
  return consoleApi[method].output.parse(result.value) as MethodOutput<M>;
}

const ALMATY = ['kz-almaty', 'kz-almaty-bostandyq', 'kz-almaty-medeu'];

describe('reference data for offline work', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it("keeps central's departments, and each account's units and territories, and serves them while central is down", async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const central = await startCentral({ port: 0, demo: true });
    let centralUp = true;
    cleanups.push(() => (centralUp ? central.close() : undefined));
    const open = () =>
      createServices({
        runtime: 'host',
        version: 'test',
        dataDir: temp.dir,
        logDir: join(temp.dir, 'logs'),
        config: MachineConfigSchema.parse({ centralUrl: central.url }),
        log: memoryLogger(),
      });

    const online = open();
    expect(online.referenceData.departments()).toEqual({ departments: [], fetchedAt: null });
    expect(await call(online, 'reference.units')).toEqual({ units: [], fetchedAt: null });
    const changed: string[] = [];
    online.events.subscribe((event, payload) => {
      if (event === 'reference.changed') changed.push((payload as { kind: string }).kind);
    });
    // Two accounts of different territories sign in on this workstation, one after the other.
    for (const login of ['duty', 'operator']) {
      expect((await online.sync?.session.signIn({ login, password: login }))?.ok).toBe(true);
      await waitFor(async () => (await call(online, 'reference.territories')).territories.length > 0);
    }
    expect(new Set(changed)).toEqual(new Set(['departments', 'units', 'territories']));
    await online.sync?.stop();
    online.close();
    await central.close();
    centralUp = false;

    const offline = open();
    cleanups.push(async () => {
      await offline.sync?.stop();
      offline.close();
    });
    expect((await offline.sync?.session.signIn({ login: 'operator', password: 'operator' }))?.ok).toBe(true);
    expect(offline.sync?.session.current()?.mode).toBe('offline');

    const departments = await call(offline, 'reference.departments');
    // The 17 regions and the 3 cities of republican significance, at least.
    expect(departments.departments.filter((d) => d.kind !== 'district').length).toBeGreaterThanOrEqual(20);
    expect(departments.fetchedAt).not.toBeNull();

    const units = await call(offline, 'reference.units');
    expect(units.fetchedAt).not.toBeNull();
    expect(new Set(units.units.map((u) => u.departmentId))).toEqual(new Set(ALMATY));
    const territories = await call(offline, 'reference.territories');
    expect(territories.territories.map((t) => t.departmentId).sort()).toEqual(ALMATY);

    // The duty officer of Medeu, signing in next, sees Medeu's copy, not the operator's.
    offline.sync?.session.signOut();
    expect((await offline.sync?.session.signIn({ login: 'duty', password: 'duty' }))?.ok).toBe(true);
    expect((await call(offline, 'reference.territories')).territories.map((t) => t.departmentId)).toEqual([
      'kz-almaty-medeu',
    ]);
    expect(new Set((await call(offline, 'reference.units')).units.map((u) => u.departmentId))).toEqual(
      new Set(['kz-almaty-medeu']),
    );
  });
});
