import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central/server';
import { tempDir } from '../support/tempDir';
import { bundleChild, exited, spawnChild } from '../support/sync/childProcess';
import { aSyncingConsole } from '../support/sync/syncingConsole';
import { startTcpProxy } from '../support/sync/tcpProxy';
import { centralFeed, portOf } from '../support/sync/testConsole';

describe('a console restarted in the middle of a sync', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('repeats the push it never recorded, central answers duplicate, and nothing is doubled', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const script = bundleChild('consoleSyncChild.ts');
    cleanups.push(() => rmSync(script, { force: true }));
    const central = await startCentral({ port: 0, demo: true });
    cleanups.push(() => central.close());
    const proxy = await startTcpProxy();
    cleanups.push(() => proxy.close());
    proxy.setTarget(portOf(central.url));

    const offline = aSyncingConsole(temp.dir, proxy.url);
    const ids = Array.from(
      { length: 50 },
      (_, i) => offline.cards.saveDraft({ description: `restart ${i}`, category: null, location: null }).id,
    );
    await offline.close();

    // Central has applied the push (its answer is on the wire); the console dies before reading it.
    const first = spawnChild(script, [temp.dir, proxy.url], () => undefined);
    proxy.onPushAnswer = () => {
      first.kill('SIGKILL');
      return 'cut';
    };
    await exited(first);
    expect(first.signalCode).toBe('SIGKILL');
    const db = new Database(join(temp.dir, 'console.sqlite'), { readonly: true });
    expect(db.prepare(`SELECT state, COUNT(*) AS n FROM outbox GROUP BY state`).all()).toEqual([
      { state: 'inflight', n: 50 },
    ]);
    db.close();

    proxy.onPushAnswer = null;
    let idle = false;
    const second = spawnChild(script, [temp.dir, proxy.url], (line) => {
      if (line === 'idle') idle = true;
    });
    await exited(second);
    expect(idle).toBe(true);

    expect(proxy.pushAnswers).toHaveLength(2);
    expect(proxy.pushAnswers[1]?.match(/"status":"duplicate"/g)).toHaveLength(50);
    const feed = (await centralFeed(central.url)).filter(
      (c) => c.entity === 'card' && ids.includes(c.card.id),
    );
    expect(feed).toHaveLength(50);
    const after = aSyncingConsole(temp.dir, proxy.url);
    cleanups.push(() => after.close());
    expect(after.ledger.status().unsent).toBe(0);
  }, 90_000);
});
