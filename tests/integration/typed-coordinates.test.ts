import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardDraftInput } from '../../domain/cards/card';
import { type CardRepository, createCardRepository } from '../../main/store/cards';
import { createChatRepository } from '../../main/store/chat';
import { cipherOf } from '../../main/store/atRest';
import { openDatabase } from '../../main/store/database';
import { type Outbox, createOutbox } from '../../main/store/outbox';
import { type SyncLedger, createSyncLedger } from '../../main/store/syncLedger';
import { memoryKeys } from '../support/atRestKeys';

describe('a draft keeps what was typed; central gets only what is valid', () => {
  let db: Database.Database;
  let outbox: Outbox;
  let cards: CardRepository;
  let ledger: SyncLedger;
  const payloads = () =>
    db
      .prepare<[], { type: string; payload: string }>('SELECT type, payload FROM outbox ORDER BY seq')
      .all()
      .map((r) => ({ type: r.type, ...(JSON.parse(cipherOf(db).open(r.payload)) as object) }));
  const draft = (overrides: Partial<CardDraftInput> = {}): CardDraftInput => ({
    description: 'Gunshots at the market, two wounded',
    category: 'otherOffence',
    location: null,
    typedCoordinates: { lat: '432389', lon: '76,95' },
    ...overrides,
  });

  beforeEach(() => {
    db = openDatabase(':memory:', { keys: memoryKeys() });
    const now = () => new Date();
    outbox = createOutbox(db, { now, newId: uuidv7 });
    cards = createCardRepository(db, { now, newId: uuidv7, outbox });
    ledger = createSyncLedger(db, { cards, outbox, chat: createChatRepository(db, { now, cards, outbox }) });
  });
  afterEach(() => db.close());

  it('stores invalid coordinates as typed and gives them back; the create carries no place', () => {
    const card = cards.saveDraft(draft());
    expect(card.typedCoordinates).toEqual({ lat: '432389', lon: '76,95' });
    expect(cards.get(card.id)).toMatchObject({
      description: 'Gunshots at the market, two wounded',
      location: null,
      typedCoordinates: { lat: '432389', lon: '76,95' },
    });
    expect(payloads()).toEqual([
      {
        type: 'card.create',
        fields: {
          description: 'Gunshots at the market, two wounded',
          category: 'otherOffence',
          location: null,
        },
      },
    ]);
  });

  it('keeps the last valid place for central while the typed one is wrong, and sends the fixed one', () => {
    const place = { lat: 43.25, lon: 76.95, source: 'typed' as const };
    const card = cards.saveDraft(draft({ location: place, typedCoordinates: null }));
    outbox.markSent(outbox.takeBatch(10));

    cards.saveDraft(draft({ id: card.id, description: 'Gunshots at the market, three wounded' }));
    expect(cards.get(card.id)).toMatchObject({
      location: place,
      typedCoordinates: { lat: '432389', lon: '76,95' },
    });
    expect(payloads()).toEqual([
      { type: 'card.update', fields: { description: 'Gunshots at the market, three wounded' } },
    ]);

    const fixed = { lat: 43.2389, lon: 76.95, source: 'typed' as const };
    const saved = cards.saveDraft(
      draft({
        id: card.id,
        description: 'Gunshots at the market, three wounded',
        location: fixed,
        typedCoordinates: null,
      }),
    );
    expect(saved.typedCoordinates).toBeUndefined();
    expect(cards.get(card.id)?.typedCoordinates).toBeUndefined();
    expect(payloads().at(-1)).toMatchObject({ fields: { location: fixed } });
  });

  it('writes no operation when only the typed text changed', () => {
    const card = cards.saveDraft(draft());
    outbox.markSent(outbox.takeBatch(10));
    cards.saveDraft(draft({ id: card.id, typedCoordinates: { lat: '4323', lon: '76,95' } }));
    expect(payloads()).toEqual([]);
    expect(cards.get(card.id)?.typedCoordinates).toEqual({ lat: '4323', lon: '76,95' });
  });

  it('tells a card sent while offline as sending that step until central answers', () => {
    const card = cards.saveDraft(
      draft({ typedCoordinates: null, location: { lat: 43.25, lon: 76.95, source: 'map' } }),
    );
    cards.transition(card.id, { transition: 'sendToInspector' });
    expect(ledger.status().cards).toEqual([
      { cardId: card.id, sync: { state: 'local', transition: 'sendToInspector' } },
    ]);
    const batch = outbox.takeBatch(10);
    expect(ledger.status().cards).toEqual([
      { cardId: card.id, sync: { state: 'sending', transition: 'sendToInspector' } },
    ]);
    ledger.recordPush(
      batch,
      batch.map((op) => ({
        id: op.id,
        status: 'rejected' as const,
        reason: 'the card belongs to another territory',
        code: 'card.otherTerritory',
        params: {},
      })),
    );
    expect(ledger.status().cards).toEqual([
      {
        cardId: card.id,
        sync: {
          state: 'rejected',
          reason: 'the card belongs to another territory',
          code: 'card.otherTerritory',
          params: {},
        },
      },
    ]);
  });
});
