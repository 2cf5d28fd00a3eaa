import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central/server';
import { consoleApi } from '../../domain/ipc';
import { createApiHandlers, invokeApi } from '../../main/api';
import { MachineConfigSchema } from '../../main/config';
import { createServices } from '../../main/services';
import { memoryLogger, tempDir } from '../support/console';
import { waitFor } from './syncSupport/testConsole';

describe('reference data for offline work', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it("keeps central's departments after a sign-in online and serves them while central is down", async () => {
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
    expect((await online.sync?.session.signIn({ login: 'operator', password: 'operator' }))?.ok).toBe(true);
    await waitFor(() => online.referenceData.departments().departments.length > 0);
    await online.sync?.stop();
    online.close();
    await central.close();
    centralUp = false;

    const offline = open();
    cleanups.push(async () => {
      await offline.sync?.stop();
      offline.close();
    });
    const result = await invokeApi(createApiHandlers(offline), 'reference.departments', {}, memoryLogger());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cached = consoleApi['reference.departments'].output.parse(result.value);
    // The 17 regions and the 3 cities of republican significance, at least.
    expect(cached.departments.filter((d) => d.kind !== 'district').length).toBeGreaterThanOrEqual(20);
    expect(cached.fetchedAt).not.toBeNull();
  });
});
