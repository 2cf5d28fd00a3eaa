import { afterEach, describe, expect, it } from 'vitest';
import type { Central } from '../../central/server';
import { aCentral, aSyncingConsole, centralFeed } from '../support/sync/testConsole';
import { tempDir } from '../support/tempDir';
import { waitFor } from '../support/waitFor';

const ALMATY = { lat: 43.238, lon: 76.945, source: 'typed' } as const;
/** Well under the engine's quiet pull (30 s): only the store's announcement can bring the card in time. */
const SOONER_THAN_THE_POLL_MS = 10_000;

describe('writes announce themselves (issue 10 item 4)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('a card saved through the store reaches central with nobody asking the sync', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const central: Central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    const desk = aSyncingConsole(temp.dir, central.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    await desk.sync.engine.idle();

    // Straight into the store: no API handler, no syncNow, no wake.
    const card = desk.cards.saveDraft({
      description: 'announced',
      category: 'roadAccident',
      location: ALMATY,
    });
    // Central's number on the card is central's answer: watched here, not by polling central's rate-limited feed.
    await waitFor(() => typeof desk.cards.get(card.id)?.number === 'string', {
      timeoutMs: SOONER_THAN_THE_POLL_MS,
    });
    expect((await centralFeed(central.url)).some((c) => c.entity === 'card' && c.card.id === card.id)).toBe(
      true,
    );
    expect(desk.changed.some((c) => c.id === card.id && c.number !== null)).toBe(true);
  }, 90_000);
});
