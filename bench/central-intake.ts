/**
 * Appeals accepted per second end to end: HTTP POST → validated → routed by territory → stored → pushed
 * to a subscribed operator's WebSocket; on PGlite and on PostgreSQL. Reference: the raw INSERT rate of
 * the same rows into the same table in the same run. Loopback only, bounded in time.
 * `BENCH_APPEALS` (default 2000) appeals, 16 in flight.
 */
import { Agent, request } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { openPglite } from '../central/db/database';
import { migrate } from '../central/db/migrate';
import { demoOperatorToken, spawnCentral } from './support/central-process';
import { withPostgres } from './support/postgres';
import { percentile, reportBench } from './report';

const APPEALS = Number(process.env.BENCH_APPEALS ?? 2000);
const CONCURRENCY = 16;

const body = (i: number) =>
  JSON.stringify({
    kind: 'text',
    channel: 'app102',
    language: i % 2 ? 'kk' : 'ru',
    anonymous: true,
    category: 'otherOffence',
    text: `Шум во дворе, бенчмарк ${i}`,
    location: { lat: 43.2567 + (i % 100) * 0.0001, lon: 76.9286 },
  });

function post(agent: Agent, url: URL, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/api/appeals',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(JSON.parse(Buffer.concat(chunks).toString()).id)
            : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function endToEnd(options: {
  databaseUrl?: string;
}): Promise<{ rate: number; p50: number; p99: number }> {
  // Central runs in its own process, as deployed; the load generator here must not share its event loop.
  // One load generator stands for thousands of citizens: not counted as one address.
  const central = await spawnCentral({ ...options, rateLimitAllow: '127.0.0.1' });
  try {
    const accessToken = await demoOperatorToken(central.url);
    const ws = new WebSocket(`${central.url.replace('http', 'ws')}/ws?token=${accessToken}`);
    await new Promise((r) => ws.once('open', r));
    const arrived = new Map<string, number>();
    const waiting = new Map<string, (t: number) => void>();
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('{"type":"appeal.new"')) return;
      const id = (JSON.parse(text) as { appeal: { id: string } }).appeal.id;
      const now = performance.now();
      const w = waiting.get(id);
      if (w) w(now);
      else arrived.set(id, now);
    });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const url = new URL(central.url);
    const one = async (i: number) => {
      const start = performance.now();
      const id = await post(agent, url, body(i));
      const at = arrived.get(id) ?? (await new Promise<number>((resolve) => waiting.set(id, resolve)));
      arrived.delete(id);
      waiting.delete(id);
      return at - start;
    };
    const run = async (n: number) => {
      const latencies: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < n) latencies.push(await one(next++));
        }),
      );
      return { seconds: (performance.now() - t0) / 1000, latencies: latencies.sort((a, b) => a - b) };
    };
    await run(200); // warm-up: JIT, pools, prepared plans
    const { seconds, latencies } = await run(APPEALS);
    ws.close();
    agent.destroy();
    return { rate: APPEALS / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    await central.close();
  }
}

/** The same rows straight into the same table, same concurrency, no HTTP, routing or fan-out. */
async function rawInserts(query: (sql: string, params: unknown[]) => Promise<unknown>): Promise<number> {
  const sql = `insert into appeals (id, number, kind, channel, via, language, category, text, media, lat, lon, department_id, routed_by, anonymous, applicant, status, citizen_token_hash)
    values ($1, $2, 'text', 'app102', null, 'ru', 'otherOffence', $3, null, $4, 76.9286, null, 'fallbackQueue', true, null, 'registered', $5)`;
  const insert = (i: number) =>
    query(sql, [
      randomUUID(),
      `raw-${i}-${randomUUID()}`,
      `Шум во дворе, бенчмарк ${i}`,
      43.2567 + (i % 100) * 0.0001,
      randomBytes(32).toString('hex'),
    ]);
  for (let i = 0; i < 200; i++) await insert(i);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < APPEALS) await insert(next++);
    }),
  );
  return APPEALS / ((performance.now() - t0) / 1000);
}

const pglite = await endToEnd({});
const pgliteRaw = await (async () => {
  const db = await openPglite();
  await migrate(db);
  try {
    return await rawInserts((s, p) => db.query(s, p));
  } finally {
    await db.close();
  }
})();
const postgres = await withPostgres((url) => endToEnd({ databaseUrl: url }));
const postgresRaw = await withPostgres(async (url) => {
  const db = await (await import('../central/db/database')).openPostgres(url);
  await migrate(db);
  try {
    return await rawInserts((s, p) => db.query(s, p));
  } finally {
    await db.close();
  }
});

const main = postgres ?? pglite;
const reference = postgresRaw ?? pgliteRaw;
reportBench({
  name: 'central-intake',
  metric: postgres
    ? 'appeals/s end to end on PostgreSQL'
    : 'appeals/s end to end on PGlite (PostgreSQL unreachable)',
  unit: 'appeals/s',
  value: main.rate,
  reference,
  ratio: main.rate / reference,
  target: 'value >= 500 appeals/s on PostgreSQL and p99 < 50 ms',
  pass: postgres !== null && postgres.rate >= 500 && postgres.p99 < 50,
  extra: {
    appeals: APPEALS,
    concurrency: CONCURRENCY,
    p50_ms: Math.round(main.p50 * 10) / 10,
    p99_ms: Math.round(main.p99 * 10) / 10,
    pglite_rate: Math.round(pglite.rate),
    pglite_p99_ms: Math.round(pglite.p99 * 10) / 10,
    pglite_raw_insert_rate: Math.round(pgliteRaw),
    postgres_raw_insert_rate: postgresRaw === null ? 'unreachable' : Math.round(postgresRaw),
  },
});
