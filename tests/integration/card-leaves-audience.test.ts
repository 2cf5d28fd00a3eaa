import { afterEach, describe, expect, it } from 'vitest';
import type { CardViewer } from '../../domain/cards/cardVisibility';
import type { SyncOperation, SyncPushResponse } from '../../domain/sync/sync';
import { createCardAudience } from '../../main/cardAudience';
import { createReferenceData } from '../../main/store/referenceData';
import type { Central } from '../../central/server';
import { PLACES, aCardCreate, aCardUpdate, aFilledCard } from '../support/central/builders';
import { openSocket } from '../support/central/client';
import { tempDir } from '../support/tempDir';
import type { SyncingConsole } from '../support/sync/syncingConsole';
import { aCentral, aSyncingConsole, demoToken } from '../support/sync/testConsole';

const ASTANA_INSPECTOR = {
  login: 'inspector.astana',
  password: 'correct horse battery',
  role: 'inspector',
  departmentId: 'kz-astana',
  displayName: 'Инспектор, Астана',
};
const astanaViewer: CardViewer = {
  login: ASTANA_INSPECTOR.login,
  role: 'inspector',
  scope: { national: false, departmentIds: new Set(['kz-astana']) },
};

async function push(centralUrl: string, login: string, operations: SyncOperation[]) {
  const r = await fetch(`${centralUrl}/api/sync/push`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await demoToken(centralUrl, login)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ operations }),
  });
  const body = (await r.json()) as SyncPushResponse;
  expect(body.results.map((x) => x.status)).toEqual(operations.map(() => 'applied'));
}

/** The console reads central's feed to its end, as it does after every nudge. */
async function pulled(desk: SyncingConsole): Promise<string[]> {
  desk.sync.syncNow();
  await desk.sync.engine.idle();
  return desk.cards.list(astanaViewer).map((c) => c.id);
}

describe('a card that leaves a console’s territory leaves that console (§8, issue 14)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  async function anAstanaDesk() {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const central: Central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    const made = await fetch(`${central.url}/api/accounts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await demoToken(central.url, 'admin')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(ASTANA_INSPECTOR),
    });
    expect(made.status).toBe(201);
    const desk = aSyncingConsole(temp.dir, central.url);
    cleanups.push(() => desk.close());
    const signedIn = await desk.sync.session.signIn({
      login: ASTANA_INSPECTOR.login,
      password: ASTANA_INSPECTOR.password,
    });
    expect(signedIn.ok).toBe(true);
    await desk.sync.engine.idle();
    return { central, desk };
  }

  it('an Almaty operator’s draft without a place never reaches Astana’s console, before or after it gets one', async () => {
    const { central, desk } = await anAstanaDesk();
    const draft = aCardCreate({
      description: 'Звонок оборвался, адрес не назван',
      category: null,
      location: null,
    });
    await push(central.url, 'operator', [draft]);
    expect(await pulled(desk)).not.toContain(draft.cardId);

    await push(central.url, 'operator', [
      aCardUpdate(draft.cardId, { location: { ...PLACES.almatyCentre, source: 'map' } }),
    ]);
    expect(await pulled(desk)).not.toContain(draft.cardId);
    expect(desk.cards.get(draft.cardId)).toBeUndefined();
  }, 90_000);

  it('a card placed in Astana and then corrected to Almaty leaves Astana’s console, with nothing of its new place', async () => {
    const { central, desk } = await anAstanaDesk();
    const misplaced = aCardCreate(aFilledCard({ location: { ...PLACES.astana, source: 'map' } }));
    await push(central.url, 'operator', [misplaced]);
    expect(await pulled(desk)).toContain(misplaced.cardId);

    // The operator corrects the place: the card is Almaty's now, and Astana's console no longer shows it.
    await push(central.url, 'operator', [
      aCardUpdate(misplaced.cardId, { location: { ...PLACES.almatyCentre, source: 'map' } }),
    ]);
    expect(await pulled(desk)).not.toContain(misplaced.cardId);
    // The windows signed in as Astana's inspector are told to drop it, and hear nothing of its new state.
    const audience = createCardAudience({
      session: desk.sync.session,
      configuredRole: 'inspector',
      referenceData: createReferenceData(desk.db, { now: () => new Date() }),
      cards: desk.cards,
    });
    const gone = desk.changed.findLast((c) => c.id === misplaced.cardId);
    expect(gone).toBeDefined();
    expect(audience.mayShow('cards.changed', { card: gone })).toBe(false);
    expect(audience.mayShow('cards.left', { cardId: misplaced.cardId })).toBe(true);
    // What the console keeps of it says only that it went: not even its new place came with it.
    const kept = desk.cards.get(misplaced.cardId);
    expect(kept?.departmentId).toMatch(/^kz-almaty/);
    expect(kept?.location).toMatchObject({ lat: PLACES.astana.lat, lon: PLACES.astana.lon });
  }, 90_000);

  it('the consoles the card left are told on the socket to pull at once, with nothing of the card in the message', async () => {
    const { central, desk } = await anAstanaDesk();
    const misplaced = aCardCreate(aFilledCard({ location: { ...PLACES.astana, source: 'map' } }));
    await push(central.url, 'operator', [misplaced]);
    expect(await pulled(desk)).toContain(misplaced.cardId);

    const login = await fetch(`${central.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: ASTANA_INSPECTOR.login, password: ASTANA_INSPECTOR.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const astana = await openSocket(central.url, `token=${accessToken}`);
    cleanups.push(() => astana.close());
    await push(central.url, 'operator', [
      aCardUpdate(misplaced.cardId, { location: { ...PLACES.almatyCentre, source: 'map' } }),
    ]);
    // Without the nudge, Astana's console would show the card until its next scheduled pull.
    const nudge = await astana.next('feed.moved');
    expect(Object.keys(nudge).sort()).toEqual(['seq', 'type']);
    expect(astana.messages.some((m) => m.type === 'card.changed' && m.card.id === misplaced.cardId)).toBe(
      false,
    );
  }, 90_000);
});
