import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type ConsoleHost, startConsoleHost } from './fixtures';
import { stopProcess } from './stopProcess';
import { freshPostgresDatabase, postgresAdminUrl } from '../central/postgres';

/**
 * Central with demo accounts as its own process, the documented way (`npm run central -- --demo`).
 * `env` adds central's own settings, such as CENTRAL_ATTACHMENTS_DIR.
 *
 * Its database is a fresh PostgreSQL database of its own when PostgreSQL answers (production's database,
 * dropped after the stop), else embedded PGlite. PGlite costs some 8 s of CPU per start (its WebAssembly
 * Postgres), which under two workers slowed the call tests running beside it past their bounds; the tests
 * that prove the zero-setup default ask for `{ database: 'pglite' }`.
 */
export async function startCentral(
  port: number,
  env: Record<string, string> = {},
  options: { database?: 'postgres when reachable' | 'pglite' } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const ownDatabase =
    options.database !== 'pglite' && env.DATABASE_URL === undefined && (await postgresAdminUrl()) !== null
      ? await freshPostgresDatabase()
      : null;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'central/main.ts'], {
    env: {
      ...process.env,
      CENTRAL_PORT: String(port),
      CENTRAL_DEMO: '1',
      CENTRAL_LOG: '0',
      ...(ownDatabase ? { DATABASE_URL: ownDatabase.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`central did not start:\n${output}`)), 90_000);
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const found = /central listening on (\S+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  const url = await started.catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await ownDatabase?.drop();
    throw error;
  });
  return {
    url,
    async stop() {
      try {
        await stopProcess(child, 'central');
      } finally {
        await ownDatabase?.drop();
      }
    },
  };
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export async function consoleWithCentral(dataDir: string, port: number): Promise<ConsoleHost> {
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ centralUrl: `http://127.0.0.1:${port}` }));
  return startConsoleHost(dataDir);
}

export async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Central (demo) and a console of its own, with `page` signed in as `login` and online: how most desk tests
 * start. `stop` ends both.
 */
export async function deskWithCentral(page: Page, dataDir: string, login = 'operator') {
  const port = await freePort();
  const central = await startCentral(port);
  const host = await consoleWithCentral(dataDir, port);
  await page.goto(host.url);
  await signIn(page, login, login);
  await page.getByTestId('connectivity').getByText('Online').waitFor({ timeout: 60_000 });
  return {
    central,
    host,
    port,
    async stop() {
      await host.stop();
      await central.stop();
    },
  };
}
