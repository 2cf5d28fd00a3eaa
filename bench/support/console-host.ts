import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built console in host mode (`npm run build` first), pointed at `centralUrl`; answers its URL and a stop. */
export async function startConsoleHost(centralUrl: string, dataDir: string) {
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ centralUrl }));
  const child = spawn(
    process.execPath,
    [join(root, 'out/main/host.js'), '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /is ready: (\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`console exited with ${code}; run npm run build first`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Same clock in this process and in the pages (both from the system time). */
export const wallNow = () => performance.timeOrigin + performance.now();

/** The demo operator signed in to the console in a new page, in English, the Calls panel shown. */
export async function signedInOperator(browser: Browser, consoleUrl: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(
    "localStorage.setItem('console102.language', 'en'); localStorage.setItem('console102.readinessIntroduced', '1');",
  );
  await page.goto(consoleUrl);
  await page.getByLabel('Login').fill('operator');
  await page.getByLabel('Password').fill('operator');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('complementary', { name: 'Calls' }).waitFor();
  return page;
}
