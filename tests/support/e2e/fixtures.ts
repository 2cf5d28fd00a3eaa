import { fileURLToPath } from 'node:url';
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { tempDir } from '../tempDir';
import { stopProcess } from './stopProcess';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ConsoleHost {
  url: string;
  origin: string;
  dataDir: string;
  /** SIGTERM by default; SIGKILL is a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the built host mode (`out/main/host.js`) as its own process, as `npm start` does, on a free port
 * unless a test restarts a console on the port it had.
 */
export function startConsoleHost(
  dataDir: string,
  port = 0,
  env: NodeJS.ProcessEnv = {},
): Promise<ConsoleHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repo, 'out/main/host.js'), '--port', String(port), '--data-dir', dataDir],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let output = '';
  return new Promise((resolveHost, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const url = /is ready: (\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolveHost({
        url,
        origin: new URL(url).origin,
        dataDir,
        stop: (signal = 'SIGTERM') => stopProcess(child, 'the console host', signal),
      });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}

/** Each test gets a fresh data folder and its own host, like a fresh workstation. */
export const test = base.extend<{ dataDir: string; host: ConsoleHost; closeOwnContexts: void }>({
  // A context a test opened itself (a second console, the citizen's phone) would otherwise live on in the
  // worker's browser after the test, its camera and reconnect loops taking the CPU the next tests time.
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close()),
      );
    },
    { auto: true },
  ],
  dataDir: async ({}, use) => {
    const dir = tempDir('console-e2e-');
    await use(dir.dir);
    dir.remove();
  },
  // Tests start where an operator's day starts; the one-time readiness introduction has its own test.
  page: async ({ page }, use) => {
    await page.addInitScript(() => localStorage.setItem('console102.readinessIntroduced', '1'));
    await use(page);
  },
  host: async ({ dataDir }, use) => {
    const host = await startConsoleHost(dataDir);
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';
