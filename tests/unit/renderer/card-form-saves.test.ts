import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { type Card, CardDraftInputSchema } from '../../../domain/cards/card';
import type { ApiResult, ConsoleBridge } from '../../../domain/contract/ipc';
import { AUTOSAVE_DELAY_MS } from '../../../renderer/features/cards/slice';
import { SAVE_RETRY_MS } from '../../../renderer/features/cards/saveQueue';
import { type ConsoleState, createConsoleStore } from '../../../renderer/store';

/**
 * The console's side of `cards.saveDraft` as far as the form can tell: a new card gets an id and the next
 * number, a known one takes the fields; coordinates typed but invalid are kept next to the last valid place.
 */
function aCardKeeper() {
  const cards = new Map<string, Card>();
  return {
    save(input: unknown): Card {
      const draft = CardDraftInputSchema.parse(input);
      const at = new Date().toISOString();
      const before = draft.id ? cards.get(draft.id) : undefined;
      if (draft.id && !before) throw new Error(`card ${draft.id} does not exist`);
      const card: Card = {
        id: before?.id ?? crypto.randomUUID(),
        localNumber: before?.localNumber ?? cards.size + 1,
        status: 'draft',
        description: draft.description,
        category: draft.category,
        location: draft.typedCoordinates ? (before?.location ?? null) : draft.location,
        typedCoordinates: draft.typedCoordinates ?? null,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
      cards.set(card.id, card);
      return card;
    },
    stored: () =>
      [...cards.values()].map((c) => ({ description: c.description, typed: c.typedCoordinates ?? null })),
  };
}

/**
 * A bridge whose answers the test can hold back, as a slow main process or a busy disk would: `hold()` makes
 * the next saves wait until `release()`; `failNext(n)` fails the next n saves.
 */
function aSlowBridge(keeper: ReturnType<typeof aCardKeeper>) {
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  let failures = 0;
  const saves: unknown[] = [];
  const calls: string[] = [];
  const bridge: ConsoleBridge = {
    async call(method, input) {
      calls.push(method);
      if (method !== 'cards.saveDraft')
        return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
      saves.push(input);
      if (gate) await gate;
      if (failures > 0) {
        failures -= 1;
        return { ok: false, error: { code: 'unavailable', messageKey: 'errors.unavailable' } };
      }
      return { ok: true, value: keeper.save(input) } as ApiResult<never>;
    },
    on: () => () => undefined,
  };
  return {
    bridge,
    saves,
    calls,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
    failNext(times: number) {
      failures = times;
    },
  };
}

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
};

describe('the card form keeps what the operator typed', () => {
  let keeper: ReturnType<typeof aCardKeeper>;
  let slow: ReturnType<typeof aSlowBridge>;
  let store: StoreApi<ConsoleState>;
  const state = () => store.getState();
  const stored = () => keeper.stored();
  /** Waits (in fake time) until every save asked for so far has its answer. */
  const settle = async () => {
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    await state().saveCard();
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('localStorage', memoryStorage());
    keeper = aCardKeeper();
    slow = aSlowBridge(keeper);
    store = createConsoleStore(slow.bridge);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('puts a late answer for card A on A in the list, never on the new form that Alt+N opened', async () => {
    state().editCard({ description: 'Gunshots at the market, two wounded' });
    slow.hold();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    state().newCard();
    state().editCard({ description: 'Neighbours fighting' });
    slow.release();
    await settle();

    expect(state().editor.description).toBe('Neighbours fighting');
    expect(
      state()
        .cards.map((c) => c.description)
        .sort(),
    ).toEqual(['Gunshots at the market, two wounded', 'Neighbours fighting']);
    expect(
      stored()
        .map((c) => c.description)
        .sort(),
    ).toEqual(['Gunshots at the market, two wounded', 'Neighbours fighting']);
    expect(state().editor.id).toBe(state().cards.find((c) => c.description === 'Neighbours fighting')?.id);
  });

  it('keeps a card with an invalid latitude, as typed, when Alt+N comes at once', async () => {
    state().editCard({ description: 'Gunshots at the market, two wounded', category: 'otherOffence' });
    state().editCard({ lat: '432389', lon: '76,95' });
    state().newCard();
    await settle();

    expect(stored()).toEqual([
      { description: 'Gunshots at the market, two wounded', typed: { lat: '432389', lon: '76,95' } },
    ]);
    expect(state().editor.description).toBe('');
  });

  it('says the card is saved here with errors to fix, and marks the field, instead of stopping silently', async () => {
    state().editCard({ description: 'Stolen car', lat: '1e1', lon: '76.9' });
    await settle();
    expect(state().problems).toEqual(['invalidLatitude']);
    expect(state().formSave.state).toBe('savedWithProblems');
    expect(stored()).toEqual([{ description: 'Stolen car', typed: { lat: '1e1', lon: '76.9' } }]);
  });

  it('saves what was typed while the first save of a new card was on its way, into that same card', async () => {
    slow.hold();
    state().editCard({ description: 'Fire' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    state().editCard({ description: 'Fire on the third floor' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    state().newCard();
    slow.release();
    await settle();
    expect(stored()).toEqual([{ description: 'Fire on the third floor', typed: null }]);
  });

  it('opens another card only after handing the left card its last words', async () => {
    state().editCard({ description: 'First' });
    await settle();
    const first = state().cards[0];
    state().newCard();
    state().editCard({ description: 'Second card' });
    await settle();
    if (!first) throw new Error('no first card');
    state().editCard({ description: 'Second card, more words' });
    state().openCard(first);
    await settle();
    expect(
      stored()
        .map((c) => c.description)
        .sort(),
    ).toEqual(['First', 'Second card, more words']);
    expect(state().editor.description).toBe('First');
  });

  it('tries a failed save again until it is kept, even after the form moved on', async () => {
    slow.failNext(2);
    state().editCard({ description: 'Robbery at the bus stop' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(state().formSave.state).toBe('failed');
    state().newCard();
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS);
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS);
    expect(stored()).toEqual([{ description: 'Robbery at the bus stop', typed: null }]);
  });

  it('makes no card of an empty form saved with Ctrl+S', async () => {
    await state().saveCard();
    state().editCard({ description: '   ' });
    await state().saveCard();
    expect(slow.saves).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('saves the open card before a sign-out and leaves an empty form', async () => {
    state().editCard({ description: 'Last words before the shift ends' });
    await state().closeCardForm();
    expect(stored()).toEqual([{ description: 'Last words before the shift ends', typed: null }]);
    expect(state().editor.description).toBe('');
  });

  it("does not carry a refused photo's message to the next card or past a sign-out", async () => {
    state().editCard({ description: 'Broken window at the school' });
    await state().attachPhotos([new File([], 'empty.jpg')]);
    expect(state().photoProblems).toEqual([{ name: 'empty.jpg', refusal: 'empty' }]);
    state().newCard();
    expect(state().photoProblems).toEqual([]);

    state().editCard({ description: 'Graffiti on the bus stop' });
    await state().attachPhotos([new File([], 'empty.jpg')]);
    await state().signOut();
    expect(state().photoProblems).toEqual([]);
    expect(state().editor.description).toBe('');
    expect(
      stored()
        .map((c) => c.description)
        .sort(),
    ).toEqual(['Broken window at the school', 'Graffiti on the bus stop']);
  });

  it('does not ask central to send a card whose marked fields are still wrong', async () => {
    state().editCard({
      description: 'Fight at the bus station',
      category: 'otherOffence',
      lat: '432389',
      lon: '76.9',
    });
    await state().takeStep('sendToInspector');
    expect(state().stepRefusal).toEqual({ problem: 'fixFirst' });
    expect(slow.calls).not.toContain('cards.transition');
    expect(stored()).toEqual([
      { description: 'Fight at the bus station', typed: { lat: '432389', lon: '76.9' } },
    ]);
  });
});
