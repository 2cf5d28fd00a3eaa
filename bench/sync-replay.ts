import { v7 as uuidv7 } from 'uuid';
import { startCentral } from '../central/server';
import type { SyncOperation } from '../domain/sync';
import { tempDir } from '../tests/support/console';
import { startTcpProxy } from '../tests/integration/syncSupport/tcpProxy';
import { aSyncingConsole } from '../tests/integration/syncSupport/syncingConsole';
import { centralFeed, demoToken, portOf } from '../tests/integration/syncSupport/testConsole';
import { reportBench } from './report';

/**
 * sync-replay: 10,000 operations buffered while central is unreachable, then the time until central has
 * all of them after the link returns. Reference: a second central applying the very same operations
 * in-process (Fastify inject, no network, no console) in batches of the same size.
 */
const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 10_000);
const ALMATY = { lat: 43.238, lon: 76.945, source: 'typed' } as const;

const temp = tempDir('bench-sync-replay-');
const proxy = await startTcpProxy();
const central = await startCentral({ port: 0, demo: true });
const reference = await startCentral({ port: 0, demo: true });
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
    ids.add(desk.cards.saveDraft({ description: `replay ${i}`, category: 'roadAccident', location: ALMATY }).id);
  }
  const buffered: SyncOperation[] = desk.outbox.takeBatch(OPERATIONS);
  desk.outbox.release('bench: only read to build the reference');

  const started = performance.now();
  proxy.setTarget(portOf(central.url));
  desk.sync.syncNow();
  await desk.sync.engine.idle();
  const seconds = (performance.now() - started) / 1000;

  const feed = (await centralFeed(central.url)).filter((c) => c.entity === 'card' && ids.has(c.card.id));
  const arrived = new Map<string, number>();
  for (const c of feed) if (c.entity === 'card') arrived.set(c.card.id, (arrived.get(c.card.id) ?? 0) + 1);
  const lost = [...ids].filter((id) => !arrived.has(id)).length;
  const duplicates = [...arrived.values()].reduce((n, count) => n + count - 1, 0);
  await desk.close();

  // The same operations (fresh ids, the same cards) applied by central without a console or a network.
  const token = await demoToken(reference.url, 'operator');
  const copy = buffered.map((op) => ({ ...op, id: uuidv7() }));
  const refStarted = performance.now();
  for (let i = 0; i < copy.length; i += 200) {
    const r = await reference.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: { operations: copy.slice(i, i + 200) },
    });
    if (r.statusCode !== 200) throw new Error(`reference push failed: HTTP ${r.statusCode}`);
  }
  const refSeconds = (performance.now() - refStarted) / 1000;

  const opsPerSecond = OPERATIONS / seconds;
  const referenceOpsPerSecond = OPERATIONS / refSeconds;
  reportBench({
    name: 'sync-replay',
    metric: 'time until central has every buffered operation after reconnect',
    unit: 's',
    value: seconds,
    reference: refSeconds,
    ratio: seconds / refSeconds,
    target: 'opsPerSecond >= 2000 and ratio <= 3, lost = 0, duplicates = 0',
    pass: opsPerSecond >= 2000 && seconds / refSeconds <= 3 && lost === 0 && duplicates === 0,
    extra: {
      operations: OPERATIONS,
      opsPerSecond: Math.round(opsPerSecond),
      referenceOpsPerSecond: Math.round(referenceOpsPerSecond),
      lost,
      duplicates,
    },
  });
} finally {
  await proxy.close();
  await central.close();
  await reference.close();
  temp.remove();
}
