/**
 * Ring latency (issue 13): from the citizen's call request (HTTP intake) to the ring shown in an operator's
 * console (the row in the Calls panel of a real console in Chromium), p50/p95 over 50 calls, with 20
 * consoles' sockets connected (19 bare operator sockets beside the one real console). Reference, same run:
 * the same request until the bare sockets have the `appeal.new` (central's part alone).
 * Needs `npm run build` (the console's host mode) first. Loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { WebSocket } from 'ws';
import { findChromium } from '../scripts/chromium.mjs';
import { percentile, reportBench } from './report';
import { demoOperatorToken, spawnCentral } from './support/central-process';
import { signedInOperator, startConsoleHost, wallNow } from './support/console-host';

const CALLS = 50;
const BARE_SOCKETS = 19;

const central = await spawnCentral({});
const dataDir = mkdtempSync(join(tmpdir(), 'bench-ring-'));
const console102 = await startConsoleHost(central.url, dataDir);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ['--no-sandbox'],
});
try {
  const token = await demoOperatorToken(central.url);
  const seenAt = new Map<string, number>();
  const sockets = await Promise.all(
    Array.from({ length: BARE_SOCKETS }, async () => {
      const ws = new WebSocket(`${central.url.replace('http', 'ws')}/ws?token=${token}`);
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString()) as { type: string; appeal?: { id: string } };
        if (m.type === 'appeal.new' && m.appeal && !seenAt.has(m.appeal.id))
          seenAt.set(m.appeal.id, wallNow());
      });
      await new Promise((resolve) => ws.once('open', resolve));
      return ws;
    }),
  );

  const page = await signedInOperator(browser, console102.url);
  // The page notes when each call's row first appears (its number), on the same clock as this process.
  // (A script text: this file is type-checked for Node, without the DOM.)
  await page.evaluate(`
    window.shown = new Map();
    new MutationObserver(() => {
      for (const row of document.querySelectorAll('[data-testid="ringing-call"] strong')) {
        const number = row.textContent ?? '';
        if (!window.shown.has(number)) window.shown.set(number, performance.timeOrigin + performance.now());
      }
    }).observe(document.body, { childList: true, subtree: true });
  `);

  const ui: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < CALLS + 5; i++) {
    const t0 = wallNow();
    const response = await fetch(`${central.url}/api/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'callRequest',
        channel: 'widget',
        media: 'video',
        language: 'ru',
        anonymous: true,
        location: { lat: 43.2567, lon: 76.9286 },
      }),
    });
    const receipt = (await response.json()) as { id: string; number: string; citizenToken: string };
    const shownAt = await page.waitForFunction(
      (n: string) => (globalThis as unknown as { shown: Map<string, number> }).shown.get(n),
      receipt.number,
    );
    const shown = (await shownAt.jsonValue()) as number;
    if (i >= 5) {
      ui.push(shown - t0);
      bare.push((seenAt.get(receipt.id) ?? shown) - t0);
    }
    // The citizen hangs up: the call leaves the queue before the next one.
    const citizen = new WebSocket(
      `${central.url.replace('http', 'ws')}/ws?appeal=${receipt.id}&citizenToken=${receipt.citizenToken}`,
    );
    await new Promise((resolve) => citizen.once('open', resolve));
    citizen.send(JSON.stringify({ type: 'call.signal', appealId: receipt.id, signal: { kind: 'hangup' } }));
    await page.getByTestId('ringing-call').waitFor({ state: 'detached' });
    citizen.close();
  }
  for (const s of sockets) s.terminate();
  ui.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  const p95 = percentile(ui, 95);
  const reference = percentile(bare, 95);
  reportBench({
    name: 'ring-latency',
    metric: `p95 time from a citizen's call request to the ring shown in the console, ${BARE_SOCKETS + 1} consoles connected`,
    unit: 'ms',
    value: p95,
    reference,
    ratio: p95 / reference,
    target: 'value < 200 ms',
    pass: p95 < 200,
    extra: {
      calls: CALLS,
      p50_ms: Math.round(percentile(ui, 50) * 10) / 10,
      reference_is: 'p95 until the bare operator sockets have appeal.new (central alone)',
    },
  });
} finally {
  await browser.close();
  await console102.stop();
  await central.close();
  rmSync(dataDir, { recursive: true, force: true });
}
