import { v7 as uuidv7 } from 'uuid';
import { startCentral } from '../central/server';
import { SYNC_LIMITS, type SyncOperation } from '../domain/sync/sync';
import { tempDir } from '../tests/support/tempDir';
import { startTcpProxy } from '../tests/support/sync/tcpProxy';
import { aSyncingConsole } from '../tests/support/sync/syncingConsole';
import { centralFeed, demoToken, portOf } from '../tests/support/sync/testConsole';
import { reportBench } from './report';
import { spawnCentral } from './support/central-process';
import { withPostgres } from './support/postgres';

/**
 * sync-replay: 10,000 operations buffered while central is unreachable, then the time until central has
 * all of them after the link returns. Central runs in its own process, as deployed, on PostgreSQL (and on
 * PGlite, reported beside it). Reference: a central in this process applying the very same operations
 * (Fastify inject, no network, no console) in batches of the same size, on the same kind of database.
 */
const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 10_000);
const BATCH = SYNC_LIMITS.batchMax;
const ALMATY = { lat: 43.238, lon: 76.945, source: 'typed' } as const;

interface Replay {
  seconds: number;
  lost: number;
  duplicates: number;
  /** The buffered operations as they went out, for the reference. */
  buffered: SyncOperation[];
}

async function replay(databaseUrl: string | undefined): Promise<Replay> {
  const temp = tempDir('bench-sync-replay-');
  const proxy = await startTcpProxy();
  const central = await spawnCentral({ databaseUrl });
  try {
    proxy.setTarget(portOf(central.url));
    const desk = aSyncingConsole(temp.dir, proxy.url);
    const signedIn = await desk.sync.session.signIn({ login: 'operator', password: 'operator' });
    if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.refusal}`);
    await desk.sync.engine.idle();

    proxy.setTarget(null);
    proxy.dropAll();
    const ids = new Set<string>();
    for (let i = 0; i < OPERATIONS; i++) {
      ids.add(
        desk.cards.saveDraft({ description: `replay ${i}`, category: 'roadAccident', location: ALMATY }).id,
      );
    }
    const buffered = desk.outbox.takeBatch(OPERATIONS);
    desk.outbox.release('bench: only read to build the reference');

    const started = performance.now();
    proxy.setTarget(portOf(central.url));
    desk.sync.syncNow();
    await desk.sync.engine.idle();
    const seconds = (performance.now() - started) / 1000;
    await desk.close();

    const arrived = new Map<string, number>();
    for (const c of await centralFeed(central.url))
      if (c.entity === 'card' && ids.has(c.card.id))
        arrived.set(c.card.id, (arrived.get(c.card.id) ?? 0) + 1);
    const lost = [...ids].filter((id) => !arrived.has(id)).length;
    const duplicates = [...arrived.values()].reduce((n, count) => n + count - 1, 0);
    return { seconds, lost, duplicates, buffered };
  } finally {
    await proxy.close();
    await central.close();
    temp.remove();
  }
}

/** The same operations (fresh ids, the same cards) applied by central without a console or a network. */
async function inProcess(
  databaseUrl: string | undefined,
  buffered: readonly SyncOperation[],
): Promise<number> {
  const central = await startCentral({ port: 0, demo: true, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    const token = await demoToken(central.url, 'operator');
    const copy = buffered.map((op) => ({ ...op, id: uuidv7() }));
    const started = performance.now();
    for (let i = 0; i < copy.length; i += BATCH) {
      const r = await central.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${token}` },
        payload: { operations: copy.slice(i, i + BATCH) },
      });
      if (r.statusCode !== 200) throw new Error(`reference push failed: HTTP ${r.statusCode}`);
    }
    return (performance.now() - started) / 1000;
  } finally {
    await central.close();
  }
}

const measure = async (databaseUrl?: string, referenceUrl?: string) => {
  const measured = await replay(databaseUrl);
  return { ...measured, reference: await inProcess(referenceUrl, measured.buffered) };
};
const pglite = await measure();
const postgres = await withPostgres((url) => withPostgres((referenceUrl) => measure(url, referenceUrl)));

const main = postgres ?? pglite;
const opsPerSecond = OPERATIONS / main.seconds;
const ratio = main.seconds / main.reference;
reportBench({
  name: 'sync-replay',
  metric: postgres
    ? 'time until central (PostgreSQL) has every buffered operation after reconnect'
    : 'time until central (PGlite: PostgreSQL unreachable) has every buffered operation after reconnect',
  unit: 's',
  value: main.seconds,
  reference: main.reference,
  ratio,
  target: 'opsPerSecond >= 2000 and ratio <= 3, lost = 0, duplicates = 0',
  pass: opsPerSecond >= 2000 && ratio <= 3 && [pglite, main].every((r) => r.lost === 0 && r.duplicates === 0),
  extra: {
    operations: OPERATIONS,
    opsPerSecond: Math.round(opsPerSecond),
    referenceOpsPerSecond: Math.round(OPERATIONS / main.reference),
    lost: main.lost,
    duplicates: main.duplicates,
    pglite_opsPerSecond: Math.round(OPERATIONS / pglite.seconds),
    pglite_referenceOpsPerSecond: Math.round(OPERATIONS / pglite.reference),
    pglite_lost: pglite.lost,
    pglite_duplicates: pglite.duplicates,
  },
});
