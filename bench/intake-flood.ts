/**
 * A flood must not slow the people working (issue 11, item 4): one client floods central with appeals and
 * socket messages (bench/support/flood.ts, its own process) while this process measures `GET /health` and a
 * staff route (`GET /api/cards`, the card register) one request after another; p99 of each. Reference: the
 * same measurement in the same run with no flood. Central runs in its own process with its default rate
 * limits, on PostgreSQL (PGlite when PostgreSQL is unreachable); the flood at the lowest CPU priority, as a
 * remote client's CPU would not be central's. `BENCH_SECONDS` (default 4) per phase.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, reportBench } from './report';
import { demoOperatorToken, spawnCentral } from './support/central-process';
import { withPostgres } from './support/postgres';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const TARGET_MS = 250;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One GET on a kept-alive connection; answers its time in ms. */
function timedGet(agent: Agent, url: URL, token?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`${url.pathname} answered ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** /health and the staff route in turn for `SECONDS`; the sorted times of each. */
async function measure(base: string, token: string): Promise<{ health: number[]; staff: number[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const health: number[] = [];
  const staff: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until) {
    health.push(await timedGet(agent, new URL('/health', base)));
    staff.push(await timedGet(agent, new URL('/api/cards', base), token));
  }
  agent.destroy();
  return { health: health.sort((a, b) => a - b), staff: staff.sort((a, b) => a - b) };
}

function startFlood(url: string): Promise<{ child: ChildProcess; stop(): Promise<Record<string, number>> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/support/flood.ts'), url], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A real flooder's CPU is not central's: on this one machine it runs at the lowest priority, so that what is
  // measured is how central copes with the requests, not how two processes share a core.
  if (child.pid !== undefined) setPriority(child.pid, 19);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const started = () => {
      if (!out.includes('flooding')) return;
      child.stdout?.off('data', started);
      resolve({
        child,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () =>
              done(JSON.parse(out.split('\n').find((l) => l.startsWith('{')) ?? '{}')),
            );
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', started);
    child.once('exit', (code) => reject(new Error(`flood exited with ${code}`)));
  });
}

async function run(databaseUrl?: string): Promise<void> {
  const central = await spawnCentral({ databaseUrl });
  try {
    const token = await demoOperatorToken(central.url);
    await measure(central.url, token); // warm up: JIT, connections, the first queries
    const quiet = await measure(central.url, token);
    const flood = await startFlood(central.url);
    const loud = await measure(central.url, token);
    const sent = await flood.stop();

    const p99 = (times: number[]) => percentile(times, 99);
    const value = Math.max(p99(loud.health), p99(loud.staff));
    const reference = Math.max(p99(quiet.health), p99(quiet.staff));
    const round = (n: number) => Math.round(n * 10) / 10;
    reportBench({
      name: 'intake-flood',
      metric:
        'p99 of GET /health and of a staff route (GET /api/cards) while one client floods appeals and socket messages',
      unit: 'ms',
      value,
      reference,
      ratio: value / reference,
      target: `value <= ${TARGET_MS} ms`,
      pass: value <= TARGET_MS,
      extra: {
        database: databaseUrl ? 'postgres' : 'pglite',
        health_p99_ms: round(p99(loud.health)),
        staff_p99_ms: round(p99(loud.staff)),
        quiet_health_p99_ms: round(p99(quiet.health)),
        quiet_staff_p99_ms: round(p99(quiet.staff)),
        samples: loud.health.length,
        ...sent,
      },
    });
  } finally {
    await central.close();
  }
}

// PostgreSQL, as several instances are deployed; PGlite (one process, queries on central's own thread) only
// when PostgreSQL is unreachable.
if ((await withPostgres((url) => run(url))) === null) await run();
