import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type ConsoleHost, startConsoleHost } from './fixtures';

/**
 * Central with demo accounts as its own process, the documented way (`npm run central -- --demo`).
 * `env` adds central's own settings, such as CENTRAL_ATTACHMENTS_DIR.
 */
export async function startCentral(
  port: number,
  env: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'central/main.ts'], {
    env: { ...process.env, CENTRAL_PORT: String(port), CENTRAL_DEMO: '1', CENTRAL_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
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
  return {
    url,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
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
