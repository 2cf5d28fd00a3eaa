import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncOperation, SyncOpResult, SyncPullResponse } from '../../../domain/sync/sync';
import type { CentralOptions } from '../../../central/server';
import { aCardCreate, aCardUpdate, aFilledCard, aTransition, PLACES } from '../../support/central/builders';
import { tempDir } from '../../support/tempDir';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { startTcpProxy } from '../../support/sync/tcpProxy';
import {
  freshPostgresDatabase,
  POSTGRES_SKIP_REASON,
  postgresReachable,
} from '../../support/central/postgres';

type Push = { results: SyncOpResult[] };

async function push(t: TestCentral, operations: SyncOperation[], login = 'operator') {
  const r = await t.call<Push>('POST', '/api/sync/push', {
    token: await t.token(login),
    body: { operations },
  });
  expect(r.status).toBe(200);
  return r.body.results;
}

async function cardIds(t: TestCentral): Promise<string[]> {
  const r = await t.call<{ cards: { id: string }[] }>('GET', '/api/cards?limit=500', {
    token: await t.token('supervisor'),
  });
  return r.body.cards.map((c) => c.id);
}

const aBatch = (n: number) => Array.from({ length: n }, () => aCardCreate(aFilledCard()));

/** The same suite on PGlite (a data folder, so it survives a restart) and on PostgreSQL. */
function exactlyOnceSuite(storage: () => Promise<{ options: CentralOptions; cleanup(): Promise<void> }>) {
  let t: TestCentral;
  let env: Awaited<ReturnType<typeof storage>>;
  beforeAll(async () => {
    env = await storage();
    t = await startTestCentral(env.options);
  });
  afterAll(async () => {
    await t.close();
    await env.cleanup();
  });

  it('applies a batch once and answers a repeat with duplicate and the original result', async () => {
    const batch = aBatch(5);
    const first = await push(t, batch);
    expect(first.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    const again = await push(t, batch);
    expect(again.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    expect(again.map((r) => (r.status === 'duplicate' ? r.original.seq : null))).toEqual(
      first.map((r) => (r.status === 'applied' ? r.seq : null)),
    );
    const ids = await cardIds(t);
    for (const op of batch) expect(ids.filter((id) => id === op.cardId)).toHaveLength(1);
  });

  it('applies a batch pushed concurrently from two connections exactly once', async () => {
    const batch = aBatch(20);
    const [a, b] = await Promise.all([push(t, batch), push(t, batch)]);
    const applied = batch.map((_, i) => [a[i]?.status, b[i]?.status].filter((s) => s === 'applied').length);
    expect(applied).toEqual(Array(20).fill(1));
    const ids = await cardIds(t);
    for (const op of batch) expect(ids.filter((id) => id === op.cardId)).toHaveLength(1);
  });

  it('loses nothing and duplicates nothing when central restarts between the push and its answer', async () => {
    const batch = aBatch(30);
    const token = await t.token('operator');
    // The hold point: central's first answer bytes prove it applied the batch; the proxy cuts them there.
    const proxy = await startTcpProxy();
    proxy.setTarget(Number(new URL(t.url).port));
    let answerCut!: () => void;
    const applied = new Promise<void>((resolve) => (answerCut = resolve));
    proxy.onPushAnswer = () => (answerCut(), 'cut');
    const inFlight = fetch(`${proxy.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ operations: batch }),
    }).catch(() => null);
    await applied;
    expect(await inFlight).toBeNull();
    await proxy.close();
    await t.close();
    t = await startTestCentral(env.options);
    const retried = await push(t, batch);
    expect(retried.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(true);
    expect((await push(t, batch)).map((r) => r.status)).toEqual(Array(30).fill('duplicate'));
    const ids = await cardIds(t);
    for (const op of batch) expect(ids.filter((id) => id === op.cardId)).toHaveLength(1);
  });

  it('applies a mixed batch in order: new cards, an edit of one of them, a refused create, a repeated id', async () => {
    const first = aCardCreate(aFilledCard());
    const unplaced = aCardCreate(aFilledCard({ location: null }));
    const edit = aCardUpdate(first.cardId, { peopleCount: 5 });
    const sameCardAgain = aCardCreate(aFilledCard(), first.cardId);
    const third = aCardCreate(aFilledCard());
    const results = await push(t, [first, unplaced, edit, sameCardAgain, third, first]);
    expect(results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'rejected',
      'applied',
      'duplicate',
    ]);
    expect(results[3]).toMatchObject({
      code: 'card.exists',
      params: {},
      reason: 'a card with this id already exists',
    });
    const [a, u, e, , c, repeat] = results;
    expect(u?.status === 'applied' && u.card?.number).toMatch(/^KZ-/);
    const seqOf = (r: SyncOpResult | undefined) => (r?.status === 'applied' ? r.seq : -1);
    expect(seqOf(a)).toBeLessThan(seqOf(e));
    expect(seqOf(e)).toBeLessThan(seqOf(c));
    expect(repeat).toMatchObject({ status: 'duplicate', original: { status: 'applied', seq: seqOf(a) } });
    expect(e?.status === 'applied' && e.card).toMatchObject({ id: first.cardId, version: 2 });
    // The two Almaty cards of the batch get consecutive register numbers; the unplaced one is numbered apart (§8, §9).
    const serial = (r: SyncOpResult | undefined) =>
      Number(r?.status === 'applied' ? r.card?.number?.split('-').at(-1) : NaN);
    expect(serial(c)).toBe(serial(a) + 1);
    const again = await push(t, [sameCardAgain]);
    expect(again[0]).toMatchObject({
      status: 'duplicate',
      original: { status: 'rejected', code: 'card.exists', reason: 'a card with this id already exists' },
    });
  });

  it('rejects a stale update with the reason, and a repeat answers the same rejection', async () => {
    const create = aCardCreate(aFilledCard());
    await push(t, [create, aCardUpdate(create.cardId, { peopleCount: 3 }, 1)]);
    const stale = aCardUpdate(create.cardId, { peopleCount: 4 }, 1);
    const [r] = await push(t, [stale]);
    expect(r).toMatchObject({
      status: 'rejected',
      code: 'card.stale',
      params: { version: 2, baseVersion: 1 },
      reason: expect.stringContaining('stale'),
    });
    const [again] = await push(t, [stale]);
    expect(again).toMatchObject({
      status: 'duplicate',
      original: { status: 'rejected', code: 'card.stale', params: { version: 2, baseVersion: 1 } },
    });
  });

  it('gives a register number only to a card with content (§9 step 4), not to an empty create', async () => {
    const empty = aCardCreate({});
    const onlyCategory = aCardCreate({ category: 'roadAccident' });
    const onlyAddress = aCardCreate({ addressText: 'ул. Абая, 10' });
    const [e, c, a] = await push(t, [empty, onlyCategory, onlyAddress]);
    expect(e).toMatchObject({ status: 'applied', card: { id: empty.cardId, number: null } });
    expect(c?.status === 'applied' && c.card?.number).toMatch(/^KZ-\d{4}-\d{6}$/);
    expect(a?.status === 'applied' && a.card?.number).toMatch(/^KZ-\d{4}-\d{6}$/);
    // Urgency alone is no content: still no number.
    const [stillEmpty] = await push(t, [aCardUpdate(empty.cardId, { urgent: false })]);
    expect(stillEmpty).toMatchObject({ status: 'applied', card: { number: null } });
    // The description typed later brings the number, in the department of the place (§8).
    const [described] = await push(t, [
      aCardUpdate(empty.cardId, {
        description: 'Драка у рынка',
        location: { ...PLACES.almatyCentre, source: 'map' },
      }),
    ]);
    const number = described?.status === 'applied' ? described.card?.number : null;
    expect(number).toMatch(/^ALA-\d{4}-\d{6}$/);
    const [kept] = await push(t, [aCardUpdate(empty.cardId, { peopleCount: 3 })]);
    expect(kept).toMatchObject({ status: 'applied', card: { number } });
  });

  it('refuses a place outside Kazakhstan with a code, on create and on update (§8)', async () => {
    const london = { lat: 51.5074, lon: -0.1278, source: 'map' as const };
    const zero = { lat: 0, lon: 0, source: 'typed' as const };
    const inLondon = aCardCreate(aFilledCard({ location: london }));
    const atZero = aCardCreate(aFilledCard({ location: zero }));
    const fine = aCardCreate(aFilledCard());
    const moved = aCardUpdate(fine.cardId, { location: zero });
    const results = await push(t, [inLondon, atZero, fine, moved]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied', 'rejected']);
    for (const r of [results[0], results[1], results[3]])
      expect(r).toMatchObject({ code: 'card.outsideCountry', params: {} });
    const ids = await cardIds(t);
    expect(ids).not.toContain(inLondon.cardId);
    expect(ids).not.toContain(atZero.cardId);
    // Astana is in the country, outside the operator's Almaty territory: only a warning on the console (§8).
    const [astana] = await push(t, [
      aCardUpdate(fine.cardId, { location: { ...PLACES.astana, source: 'map' } }),
    ]);
    expect(astana).toMatchObject({ status: 'applied' });
  });

  it('numbers cards per department and year (§9 register)', async () => {
    const almaty = aCardCreate(aFilledCard());
    const astana = aCardCreate(aFilledCard({ location: { ...PLACES.astana, source: 'map' } }));
    const [a, b] = await push(t, [almaty, astana]);
    const year = new Date().getUTCFullYear();
    expect(a?.status === 'applied' && a.card?.number).toMatch(new RegExp(`^ALA-${year}-\\d{6}$`));
    expect(b?.status === 'applied' && b.card?.number).toBe(`AST-${year}-000001`);
  });

  it('pulls the change feed in sequence order, page by page with the cursor', async () => {
    const token = await t.token('inspector');
    const seen: number[] = [];
    let cursor = 0;
    for (let page = 0; page < 100; page++) {
      const r = await t.call<SyncPullResponse>('GET', `/api/sync/pull?since=${cursor}&limit=7`, { token });
      seen.push(...r.body.changes.map((c) => c.seq));
      cursor = r.body.cursor;
      if (!r.body.hasMore) break;
    }
    expect(seen.length).toBeGreaterThan(20);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });
}

describe('sync push exactly once and pull on PGlite (§ architecture: data flow)', () => {
  exactlyOnceSuite(async () => {
    const dir = tempDir('central-sync-');
    return { options: { dataDir: `${dir.dir}/db` }, cleanup: async () => dir.remove() };
  });
});

describe.skipIf(!postgresReachable)(
  `sync push exactly once and pull on PostgreSQL${postgresReachable ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    exactlyOnceSuite(async () => {
      const db = await freshPostgresDatabase();
      return { options: { databaseUrl: db.url }, cleanup: () => db.drop() };
    });
  },
);

describe('the card workflow on central (§9–15)', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral();
  });
  afterAll(() => t.close());

  it('takes a card from draft to closed, each step by its role, with who and when', async () => {
    const create = aCardCreate(aFilledCard({ location: { ...PLACES.medeu, source: 'map' } }));
    const id = create.cardId;
    expect((await push(t, [create, aTransition(id, 'sendToInspector')])).map((r) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
    expect(
      (await push(t, [aTransition(id, 'startResponse'), aTransition(id, 'forwardToDuty')], 'inspector')).map(
        (r) => r.status,
      ),
    ).toEqual(['applied', 'applied']);
    const [noNumber] = await push(t, [aTransition(id, 'register')], 'duty');
    expect(noNumber).toMatchObject({ status: 'rejected', code: 'card.kuizhNumberMissing', params: {} });
    const [registered, closed] = await push(
      t,
      [aTransition(id, 'register', { kuizhNumber: '2026/1234' }), aTransition(id, 'close')],
      'duty',
    );
    expect(registered).toMatchObject({
      status: 'applied',
      card: { status: 'registered', kuizhNumber: '2026/1234' },
    });
    expect(closed).toMatchObject({ status: 'applied', card: { status: 'closed' } });
    const read = await t.call<{ transitions: { transition: string; accountId: string; at: string }[] }>(
      'GET',
      `/api/cards/${id}`,
      { token: await t.token('supervisor') },
    );
    expect(read.body.transitions.map((x) => x.transition)).toEqual([
      'sendToInspector',
      'startResponse',
      'forwardToDuty',
      'register',
      'close',
    ]);
    expect(read.body.transitions.every((x) => x.accountId && x.at)).toBe(true);
  });

  it('refuses to send a card with empty fields (§9 step 5)', async () => {
    const create = aCardCreate({ description: '' });
    const [, sent] = await push(t, [create, aTransition(create.cardId, 'sendToInspector')]);
    expect(sent).toMatchObject({
      status: 'rejected',
      code: 'card.missingForSend',
      params: { fields: ['description', 'category', 'place'] },
    });
  });

  it('sends a non-urgent text straight to the competent service (§12)', async () => {
    const create = aCardCreate(aFilledCard({ urgent: false }));
    const [, forwarded] = await push(t, [create, aTransition(create.cardId, 'forwardToService')]);
    expect(forwarded).toMatchObject({ status: 'applied', card: { status: 'forwardedToService' } });
  });

  it('puts a card with no location in the region the operator chose, else in the fallback queue, never lost (§8)', async () => {
    const chosen = aCardCreate(aFilledCard({ location: null, chosenDepartmentId: 'kz-karaganda' }));
    const lost = aCardCreate(aFilledCard({ location: null, addressText: 'трасса, 40-й километр' }));
    const [a, b] = await push(t, [chosen, lost]);
    expect(a).toMatchObject({ status: 'applied', card: { departmentId: 'kz-karaganda' } });
    expect(b).toMatchObject({
      status: 'applied',
      card: { departmentId: null, number: expect.stringMatching(/^KZ-/) },
    });
  });

  it('hands a sent card from the fallback queue to the region a supervisor chooses (§8)', async () => {
    const lost = aCardCreate(aFilledCard({ location: null, addressText: 'трасса, 40-й километр' }));
    await push(t, [lost, aTransition(lost.cardId, 'sendToInspector')]);
    const [moved] = await push(
      t,
      [aCardUpdate(lost.cardId, { chosenDepartmentId: 'kz-mangystau' })],
      'supervisor',
    );
    expect(moved).toMatchObject({
      status: 'applied',
      card: { departmentId: 'kz-mangystau', status: 'sentToInspector' },
    });
  });

  it('does not let an operator skip the inspector', async () => {
    const create = aCardCreate(aFilledCard());
    const [, skip] = await push(t, [create, aTransition(create.cardId, 'startResponse')]);
    expect(skip).toMatchObject({
      status: 'rejected',
      code: 'role.forbidden',
      params: { role: 'operator', action: 'startResponse' },
    });
  });
});
