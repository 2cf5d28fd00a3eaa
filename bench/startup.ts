import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { MachineConfigSchema } from '../main/config';
import { createServices } from '../main/services';
import { findChromium } from '../scripts/chromium.mjs';
import { aDraft, memoryLogger } from '../tests/support/console';
import { tempDir } from '../tests/support/tempDir';
import { percentile, reportBench } from './report';

/**
 * startup: host mode from process start to the console usable in Chromium (the cards list rendered with the
 * workstation's cards), median of 10 warm starts. Reference, in the same run: a bare Node process serving
 * the same built renderer, from process start to that page loaded in the same browser — the floor that
 * Node's own start, the bundle's size and the browser's parsing set. Target: ≤ 1.5 s.
 */
const RUNS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP = 1;
const TARGET_MS = 1500;
const CARDS = 50;

const repo = resolve(import.meta.dirname, '..');
const hostEntry = join(repo, 'out/main/host.js');
const rendererDir = join(repo, 'out/renderer');
if (!existsSync(hostEntry)) {
  process.stderr.write('Build first: npm run build\n');
  process.exit(2);
}
const executablePath = findChromium();
if (!executablePath) {
  process.stderr.write('No Chromium: set CHROMIUM_PATH\n');
  process.exit(2);
}

/** The reference server: the built renderer as static files, nothing else. */
const BARE_SERVER = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
const root = process.argv[1];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\\/+$/, 'index.html'));
  fs.readFile(file, (error, body) => {
    if (error) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('is ready: http://127.0.0.1:' + server.address().port + '/'));
`;

/** Starts a process and resolves with the address it prints once ready. */
function startAndWaitForUrl(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const url = /is ready: (\S+)/.exec(output)?.[1];
      if (url) done({ child, url });
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => fail(new Error(`exited with ${code}: ${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

const temp = tempDir('bench-startup-');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  // A workstation with a day's cards, started before: the warm case.
  const dataDir = join(temp.dir, 'console');
  const seed = createServices({
    runtime: 'host',
    version: 'bench',
    dataDir,
    logDir: join(dataDir, 'logs'),
    config: MachineConfigSchema.parse({}),
    log: memoryLogger(),
  });
  for (let i = 0; i < CARDS; i++) seed.cards.saveDraft(aDraft());
  seed.close();
  const context = await browser.newContext();
  // A string, not a function: this file is compiled for Node, without the browser's types.
  await context.addInitScript("localStorage.setItem('console102.readinessIntroduced', '1')");

  async function consoleStart(): Promise<number> {
    const start = performance.now();
    const { child, url } = await startAndWaitForUrl([hostEntry, '--port', '0', '--data-dir', dataDir]);
    const page = await context.newPage();
    await page.goto(url);
    await page
      .getByTestId('card-list-item')
      .nth(CARDS - 1)
      .waitFor();
    const elapsed = performance.now() - start;
    await page.close();
    await stop(child);
    return elapsed;
  }

  async function bareStart(): Promise<number> {
    const start = performance.now();
    const { child, url } = await startAndWaitForUrl(['-e', BARE_SERVER, rendererDir]);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const elapsed = performance.now() - start;
    await page.close();
    await stop(child);
    return elapsed;
  }

  const consoleMs: number[] = [];
  const bareMs: number[] = [];
  // Alternated, so whatever else the machine does weighs on both alike.
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const measuredConsole = await consoleStart();
    const measuredBare = await bareStart();
    if (i >= WARMUP) {
      consoleMs.push(measuredConsole);
      bareMs.push(measuredBare);
    }
  }
  consoleMs.sort((a, b) => a - b);
  bareMs.sort((a, b) => a - b);
  const value = percentile(consoleMs, 50);
  const reference = percentile(bareMs, 50);
  reportBench({
    name: 'startup',
    metric: 'median process start to cards list rendered, warm',
    unit: 'ms',
    value,
    reference,
    ratio: value / reference,
    target: `value <= ${TARGET_MS}`,
    pass: value <= TARGET_MS,
    extra: {
      runs: RUNS,
      cards: CARDS,
      maxMs: Math.round(consoleMs.at(-1) ?? 0),
      referenceMaxMs: Math.round(bareMs.at(-1) ?? 0),
    },
  });
} finally {
  await browser.close();
  temp.remove();
}
