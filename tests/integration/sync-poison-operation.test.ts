import { afterEach, describe, expect, it } from 'vitest';
import { startTestCentral } from '../support/central/central';
import { aSyncingConsole, centralFeed } from '../support/sync/testConsole';
import { tempDir } from '../support/tempDir';
import { waitFor } from '../support/waitFor';

const ALMATY = { lat: 43.238, lon: 76.945, source: 'typed' } as const;

describe('one operation central fails on does not hold back the queue (issue 11 item 3)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('a draft with a NUL character: the cards around it reach central, it shows a problem and is retried alone', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    // Real PostgreSQL, which cannot store a NUL in text: the failure is central's own, not staged.
    const central = await startTestCentral();
    cleanups.push(() => central.close());
    expect(central.central.db).toBe('postgres');

    const desk = aSyncingConsole(temp.dir, central.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    await desk.sync.engine.idle();
    await desk.sync.engine.stop();

    // Queued together, so they go to central in one batch: the poison in the middle.
    const draft = (description: string) =>
      desk.cards.saveDraft({ description, category: 'roadAccident', location: ALMATY }).id;
    const before = [draft('before 1'), draft('before 2')];
    const poison = draft('broken \u0000 text');
    const after = [draft('after 1'), draft('after 2'), draft('after 3')];
    desk.sync.engine.start();

    const good = [...before, ...after];
    await waitFor(async () => {
      const atCentral = new Set(
        (await centralFeed(central.url)).flatMap((c) => (c.entity === 'card' ? [c.card.id] : [])),
      );
      return good.every((id) => atCentral.has(id));
    });
    const feed = await centralFeed(central.url);
    expect(feed.some((c) => c.entity === 'card' && c.card.id === poison)).toBe(false);

    // The poison card says what happened, in the operator's language (a refusal code), while it waits.
    await waitFor(() =>
      desk.ledger.status().cards.some((c) => c.cardId === poison && c.sync.state === 'rejected'),
    );
    const problem = desk.ledger.status().cards.find((c) => c.cardId === poison)?.sync;
    expect(problem).toMatchObject({ state: 'rejected', code: expect.any(String) });
    // Central failing on it is retried (only it); a refusal of central's is final.
    if (problem?.state === 'rejected' && problem.code === 'sync.operationFailed')
      expect(desk.ledger.status().unsent).toBe(1);
    for (const id of good) expect(desk.ledger.status().cards.find((c) => c.cardId === id)).toBeUndefined();

    // A card written after it goes through too.
    const later = draft('later');
    await waitFor(async () =>
      (await centralFeed(central.url)).some((c) => c.entity === 'card' && c.card.id === later),
    );
  }, 120_000);
});
