import { consoleWithCentral, freePort, startCentral } from './central';
import { type ConsoleHost, test as base } from './fixtures';

export interface ConsoleAndCentral {
  central: Awaited<ReturnType<typeof startCentral>>;
  host: ConsoleHost;
  port: number;
}

/**
 * `withCentral(env?, options?)`: central (demo) on a free port and this test's console configured for it, both stopped
 * after the test whatever happens in it, console first.
 */
export const test = base.extend<{
  withCentral: (
    env?: Record<string, string>,
    options?: Parameters<typeof startCentral>[2],
  ) => Promise<ConsoleAndCentral>;
}>({
  withCentral: async ({ dataDir }, use) => {
    const started: ConsoleAndCentral[] = [];
    await use(async (env = {}, options = {}) => {
      const port = await freePort();
      const central = await startCentral(port, env, options);
      const host = await consoleWithCentral(dataDir, port);
      started.push({ central, host, port });
      return { central, host, port };
    });
    for (const { host, central } of started.reverse()) {
      await host.stop();
      await central.stop();
    }
  },
});

export { expect } from './fixtures';
