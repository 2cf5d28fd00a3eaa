import { afterEach, describe, expect, it } from 'vitest';
import type { Central } from '../../central/server';
import { tempDir } from '../support/tempDir';
import { type TcpProxy, startTcpProxy } from '../support/sync/tcpProxy';
import { aCentral, aSyncingConsole, centralFeed, portOf } from '../support/sync/testConsole';
import { waitFor } from '../support/waitFor';
import { aConsoleWithoutAccounts } from '../support/cardViewers';

const ALMATY = { lat: 43.238, lon: 76.945, source: 'typed' } as const;

describe('sync while central is down', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('delivers 500 cards created while central was stopped exactly once and in order per card', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const proxy: TcpProxy = await startTcpProxy();
    cleanups.push(() => proxy.close());
    let central: Central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    proxy.setTarget(portOf(central.url));

    const desk = aSyncingConsole(temp.dir, proxy.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    await desk.sync.engine.idle();

    await central.close();
    proxy.setTarget(null);
    proxy.dropAll();
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      const card = desk.cards.saveDraft({
        description: `card ${i}`,
        category: 'roadAccident',
        location: ALMATY,
      });
      ids.push(card.id);
      // Every fifth card is also sent: a second operation that must reach central after the first.
      if (i % 5 === 0) desk.cards.transition(card.id, { transition: 'sendToInspector' });
    }
    desk.sync.syncNow();
    await waitFor(() => desk.connectivity.current().state === 'offline');
    expect(desk.ledger.status().unsent).toBe(600);

    central = await aCentral(temp.dir);
    proxy.setTarget(portOf(central.url));
    desk.sync.syncNow();
    await desk.sync.engine.idle();

    const feed = (await centralFeed(central.url)).filter(
      (c) => c.entity === 'card' && ids.includes(c.card.id),
    );
    const perCard = new Map<string, string[]>();
    for (const c of feed)
      if (c.entity === 'card')
        perCard.set(c.card.id, [...(perCard.get(c.card.id) ?? []), `${c.card.description}/${c.card.status}`]);
    expect(perCard.size).toBe(500);
    ids.forEach((id, i) =>
      expect(perCard.get(id)).toEqual(
        i % 5 === 0 ? [`card ${i}/draft`, `card ${i}/sentToInspector`] : [`card ${i}/draft`],
      ),
    );
    const local = desk.cards.list(aConsoleWithoutAccounts);
    expect(local.every((c) => typeof c.number === 'string')).toBe(true);
    expect(desk.ledger.status()).toMatchObject({ unsent: 0, cards: [] });
  }, 90_000);
});
