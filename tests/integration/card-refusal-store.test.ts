import { afterEach, describe, expect, it } from 'vitest';
import { aViewer } from '../support/cardViewers';
import { aDraft } from '../support/console';
import { tempDir } from '../support/tempDir';
import { aCentralCard, aConsoleStore } from '../support/consoleStore';

describe("a card's refusal in the console's store", () => {
  const removals: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removals.splice(0)) remove();
  });
  const aStore = () => {
    const temp = tempDir();
    const store = aConsoleStore(temp.dir);
    removals.push(() => {
      store.db.close();
      temp.remove();
    });
    return store;
  };

  it('keeps a card whose creation central refused, with every word, for its author only', () => {
    const { outbox, cards, ledger } = aStore();
    outbox.setAccount('operator');
    const card = cards.saveDraft(aDraft({ description: 'gunshots at the market, two wounded' }));
    cards.saveDraft({
      ...aDraft({ description: 'gunshots at the market, two wounded, one fled' }),
      id: card.id,
    });
    const batch = outbox.takeBatch(10);
    const answer = ledger.recordPush(
      batch,
      batch.map((op) => ({
        id: op.id,
        status: 'rejected' as const,
        code: 'card.exists',
        params: {},
        reason: 'a card with this id already exists',
      })),
    );

    expect(answer.refusedAtCentral).toEqual([]);
    expect(cards.visible(aViewer({ login: 'operator' }), card.id)).toMatchObject({
      description: 'gunshots at the market, two wounded, one fled',
      refusal: { operation: 'card.create', code: 'card.exists', params: {} },
    });
    expect(cards.list(aViewer({ login: 'inspector', role: 'inspector' }))).toEqual([]);
    expect(ledger.status().cards).toEqual([
      {
        cardId: card.id,
        sync: {
          state: 'rejected',
          reason: 'a card with this id already exists',
          code: 'card.exists',
          params: {},
        },
      },
    ]);
  });

  it('keeps the refused creation as the reason when the later edits of that card are refused too', () => {
    const { outbox, cards, ledger } = aStore();
    outbox.setAccount('operator');
    const card = cards.saveDraft(aDraft());
    const [create] = outbox.takeBatch(10);
    if (!create) throw new Error('no operation');
    ledger.recordPush(
      [create],
      [
        {
          id: create.id,
          status: 'rejected',
          code: 'card.exists',
          params: {},
          reason: 'a card with this id already exists',
        },
      ],
    );
    cards.saveDraft({ ...aDraft({ description: 'edited after the refusal' }), id: card.id });
    const [update] = outbox.takeBatch(10);
    if (!update) throw new Error('no operation');
    ledger.recordPush(
      [update],
      [{ id: update.id, status: 'rejected', code: 'card.notFound', params: {}, reason: 'no such card' }],
    );
    expect(cards.get(card.id)?.refusal).toMatchObject({ operation: 'card.create' });
  });

  it('lets a refusal stand until central accepts a later change of the card', () => {
    const { outbox, cards, ledger } = aStore();
    outbox.setAccount('operator');
    const central = aCentralCard();
    ledger.applyPull([{ seq: 1, entity: 'card', card: central }], 1);
    cards.saveDraft({ ...aDraft({ description: 'refused' }), id: central.id });
    const [refused] = outbox.takeBatch(10);
    if (!refused) throw new Error('no operation');
    const answer = ledger.recordPush(
      [refused],
      [{ id: refused.id, status: 'rejected', code: 'card.closed', params: {}, reason: 'the card is closed' }],
    );
    expect(answer.refusedAtCentral).toEqual([central.id]);
    expect(ledger.restoreCentral(central)).toMatchObject({
      description: central.description,
      refusal: { code: 'card.closed' },
    });

    cards.saveDraft({ ...aDraft({ description: 'accepted' }), id: central.id });
    const [accepted] = outbox.takeBatch(10);
    if (!accepted) throw new Error('no operation');
    ledger.recordPush(
      [accepted],
      [
        {
          id: accepted.id,
          status: 'applied',
          seq: 2,
          card: { ...central, description: 'accepted', version: 2 },
        },
      ],
    );
    expect(cards.get(central.id)?.refusal).toBeUndefined();
  });
});
