import { afterEach, describe, expect, it } from 'vitest';
import { aViewer } from '../support/cardViewers';
import { tempDir } from '../support/tempDir';
import { aCentralCard, aConsoleStore } from '../support/consoleStore';

describe("central's versions of a card in the console's store", () => {
  const removals: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removals.splice(0)) remove();
  });

  it('keeps the newer version when the next account is handed an older one from its own place in the feed', () => {
    const temp = tempDir();
    const { db, outbox, cards, ledger } = aConsoleStore(temp.dir);
    removals.push(() => {
      db.close();
      temp.remove();
    });
    const routed = aCentralCard({
      departmentId: 'kz-almaty-bostandyq',
      category: 'roadAccident',
      version: 2,
    });
    outbox.setAccount('operator');
    ledger.applyPull([{ seq: 2, entity: 'card', card: routed }], 2);

    // The duty officer of Medeu reads the feed from the start: the card's first version was in the fallback queue.
    outbox.setAccount('duty');
    const first = { ...routed, departmentId: null, category: null, version: 1 };
    expect(ledger.applyPull([{ seq: 1, entity: 'card', card: first }], 1).cards).toEqual([]);
    expect(cards.get(routed.id)).toMatchObject({
      departmentId: 'kz-almaty-bostandyq',
      category: 'roadAccident',
      version: 2,
    });
    const duty = aViewer({ login: 'duty', role: 'duty', departmentId: 'kz-almaty-medeu' });
    expect(cards.list(duty)).toEqual([]);
  });
});
