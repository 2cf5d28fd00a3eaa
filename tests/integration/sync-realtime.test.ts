import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central/server';
import { tempDir } from '../support/tempDir';
import { aSyncingConsole } from '../support/sync/testConsole';
import { waitFor } from '../support/waitFor';

describe('the realtime link to central', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('brings a card changed elsewhere within moments, long before the next poll, and shows the link online', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const central = await startCentral({ port: 0, demo: true });
    cleanups.push(() => central.close());
    const [a, b] = ['a', 'b'].map((name) => {
      mkdirSync(join(temp.dir, name));
      const desk = aSyncingConsole(join(temp.dir, name), central.url);
      cleanups.push(() => desk.close());
      return desk;
    });
    if (!a || !b) throw new Error('two consoles expected');
    for (const desk of [a, b])
      expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    await a.sync.engine.idle();
    await waitFor(() => a.connectivity.current().state === 'online', { timeoutMs: 15_000 });

    const card = b.cards.saveDraft({
      description: 'seen from the other console',
      category: 'otherOffence',
      location: null,
    });
    b.sync.syncNow();
    // The engine polls every 30 s; only the realtime nudge brings it this fast.
    await waitFor(() => a.cards.get(card.id)?.description === 'seen from the other console', {
      timeoutMs: 10_000,
    });
    await b.sync.engine.idle();
    expect(a.cards.get(card.id)?.number).toMatch(/^KZ-\d{4}-\d{6}$/);
    expect(a.cards.get(card.id)?.number).toBe(b.cards.get(card.id)?.number);
  }, 60_000);
});
