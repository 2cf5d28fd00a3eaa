import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../domain/cards/card';
import type { PositionResult, Unit } from '../../../domain/dispatch/unit';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aDispatch, aFilledCard, aTransition, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { postgresReachable } from '../../support/central/postgres';
import { loginAs, openSocket } from '../../support/central/client';

/** Almaty's demo units (the integration account `integration` is Almaty's); Astana's belong to another department. */
const ALMATY = 'kz-almaty-p1';
const ALMATY_2 = 'kz-almaty-p2';
const ALMATY_SOG = 'kz-almaty-sog';
const ASTANA = 'kz-astana-p1';
const now = () => new Date().toISOString();

type PositionsAnswer = { code?: string; params?: Record<string, unknown>; results: PositionResult[] };

async function anAstanaInspector(t: TestCentral): Promise<string> {
  const created = await t.call('POST', '/api/accounts', {
    token: await t.token('admin'),
    body: {
      login: 'inspector.astana',
      password: 'steppe eagle over the river',
      role: 'inspector',
      departmentId: 'kz-astana',
      displayName: 'Astana inspector',
    },
  });
  expect(created.status).toBe(201);
  return loginAs(t.call, 'inspector.astana', 'steppe eagle over the river');
}

describe('the units API for the departments’ vehicle systems (§13)', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral();
  });
  afterAll(() => t.close());

  const report = async (positions: unknown[], token?: string) =>
    t.call<PositionsAnswer>('POST', '/api/units/positions', {
      token: token ?? (await t.token('integration')),
      body: { positions },
    });

  it('takes a position of its own department’s unit', async () => {
    const r = await report([{ unitId: ALMATY, ...PLACES.almatyCentre, at: now() }]);
    expect(r).toMatchObject({ status: 200, body: { results: [{ unitId: ALMATY, accepted: true }] } });
  });

  it('refuses another department’s unit', async () => {
    const r = await report([{ unitId: ASTANA, ...PLACES.astana, at: now() }]);
    expect(r).toMatchObject({
      status: 403,
      body: {
        code: 'unit.otherDepartment',
        results: [{ unitId: ASTANA, accepted: false, code: 'unit.otherDepartment' }],
      },
    });
  });

  it('refuses malformed, out-of-country, stale and future positions with stable codes', async () => {
    expect((await report([{ unitId: ALMATY_2, lat: 'north', lon: 76.9, at: now() }])).body).toMatchObject({
      code: 'request.invalid',
      params: { part: 'body' },
    });
    expect((await report([{ unitId: ALMATY_2, lat: 43.2, lon: 76.9 }])).status).toBe(400);
    const cases: [unknown, string][] = [
      [{ unitId: ALMATY_2, lat: 143.2, lon: 76.9, at: now() }, 'unit.positionInvalid'],
      [{ unitId: ALMATY_2, ...PLACES.caspianSea, at: now() }, 'unit.outsideCountry'],
      [{ unitId: ALMATY_2, lat: 55.75, lon: 37.62, at: now() }, 'unit.outsideCountry'],
      [
        { unitId: ALMATY_2, ...PLACES.medeu, at: new Date(Date.now() - 10 * 60_000).toISOString() },
        'unit.positionStale',
      ],
      [
        { unitId: ALMATY_2, ...PLACES.medeu, at: new Date(Date.now() + 10 * 60_000).toISOString() },
        'unit.positionFuture',
      ],
      [{ unitId: 'no-such-unit', ...PLACES.medeu, at: now() }, 'unit.notFound'],
    ];
    for (const [position, code] of cases) {
      const r = await report([position]);
      expect(r.status, code).toBeGreaterThanOrEqual(400);
      expect(r.body.results?.[0], code).toMatchObject({ accepted: false, code });
    }
  });

  it('refuses a flood beyond one position a second per unit with 429', async () => {
    const first = await report([{ unitId: ALMATY_SOG, ...PLACES.medeu, at: now() }]);
    expect(first.status).toBe(200);
    const again = await report([{ unitId: ALMATY_SOG, ...PLACES.medeu, at: now() }]);
    expect(again).toMatchObject({
      status: 429,
      body: { code: 'unit.tooFrequent', results: [{ accepted: false, code: 'unit.tooFrequent' }] },
    });
    // Twice in one request: the second is the flood.
    const twice = await report([
      { unitId: 'kz-almaty-medeu-p1', ...PLACES.medeu, at: now() },
      { unitId: 'kz-almaty-medeu-p1', ...PLACES.medeu, at: now() },
    ]);
    expect(twice.status).toBe(429);
    expect(twice.body.results.map((r) => r.accepted)).toEqual([true, false]);
  });

  it('lets the integration account do nothing else, and never sign in to the console', async () => {
    const token = await t.token('integration');
    expect((await t.call('GET', '/api/units/live', { token })).status).toBe(403);
    expect((await t.call('GET', '/api/sync/pull', { token })).status).toBe(403);
    expect((await t.call('GET', '/api/departments', { token })).status).toBe(403);
    await expect(openSocket(t.url, `token=${token}`)).rejects.toThrow('403');
    const console = await t.call('POST', '/api/auth/login', {
      body: { login: 'integration', password: 'integration' },
    });
    expect(console).toMatchObject({ status: 403, body: { code: 'auth.notForConsole' } });
    const person = await t.call('POST', '/api/units/auth', {
      body: { login: 'operator', password: 'operator' },
    });
    expect(person).toMatchObject({ status: 403, body: { code: 'auth.integrationOnly' } });
  });

  it('shows the units live to the staff of their territory only: API and socket', async () => {
    const astana = await anAstanaInspector(t);
    const almatySocket = await openSocket(t.url, `token=${await t.token('inspector')}`);
    const astanaSocket = await openSocket(t.url, `token=${astana}`);
    await almatySocket.next('hello');
    await astanaSocket.next('hello');
    try {
      const live = await t.call<{ units: Unit[] }>('GET', '/api/units/live', { token: astana });
      expect(live.status).toBe(200);
      expect(live.body.units.length).toBeGreaterThan(0);
      expect(live.body.units.every((u) => u.departmentId.startsWith('kz-astana'))).toBe(true);
      const mine = await t.call<{ units: Unit[] }>('GET', '/api/units/live', {
        token: await t.token('inspector'),
      });
      expect(mine.body.units.some((u) => u.id === ALMATY_2)).toBe(true);
      expect(mine.body.units.some((u) => u.id === ASTANA)).toBe(false);

      expect((await report([{ unitId: ALMATY_2, ...PLACES.almatyCentre, at: now() }])).status).toBe(200);
      const seen = await almatySocket.next('units', (m) => m.units.some((u) => u.id === ALMATY_2));
      expect(seen.units.every((u) => u.departmentId.startsWith('kz-almaty'))).toBe(true);
      // Astana's own unit, reported by a system of Astana's: astana sees it, then nothing of Almaty came before.
      const astanaAdmin = await t.call('POST', '/api/accounts', {
        token: await t.token('admin'),
        body: {
          login: 'integration.astana',
          password: 'steppe eagle over the river',
          role: 'integration',
          departmentId: 'kz-astana',
          displayName: 'Көлік Жүйесі',
        },
      });
      expect(astanaAdmin.status).toBe(201);
      const astanaSystem = await t.call<{ accessToken: string }>('POST', '/api/units/auth', {
        body: { login: 'integration.astana', password: 'steppe eagle over the river' },
      });
      expect(
        (await report([{ unitId: ASTANA, ...PLACES.astana, at: now() }], astanaSystem.body.accessToken))
          .status,
      ).toBe(200);
      await astanaSocket.next('units', (m) => m.units.some((u) => u.id === ASTANA));
      const almatyUnitsAtAstana = astanaSocket.messages.flatMap((m) => (m.type === 'units' ? m.units : []));
      expect(almatyUnitsAtAstana.filter((u) => !u.departmentId.startsWith('kz-astana'))).toEqual([]);
      expect(
        almatySocket.messages
          .flatMap((m) => (m.type === 'units' ? m.units : []))
          .some((u) => u.id === ASTANA),
      ).toBe(false);
    } finally {
      almatySocket.close();
      astanaSocket.close();
    }
  });
});

/** The card and its units change together, or not at all (§13), on both databases. */
const databases = [
  { name: 'PGlite', pglite: true },
  ...(postgresReachable ? [{ name: 'PostgreSQL', pglite: false }] : []),
];
describe.each(databases)('dispatch on $name', ({ pglite }) => {
  let t: TestCentral;
  let cardId: string;
  beforeAll(async () => {
    t = await startTestCentral({ pglite });
    const create = aCardCreate(aFilledCard({ location: { ...PLACES.almatyCentre, source: 'map' } }));
    cardId = create.cardId;
    const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token('operator'),
      body: { operations: [create, aTransition(cardId, 'sendToInspector')] },
    });
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
  afterAll(() => t.close());

  const push = async (op: ReturnType<typeof aDispatch>, login = 'inspector') =>
    (
      await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
        token: await t.token(login),
        body: { operations: [op] },
      })
    ).body.results[0];
  const unitsNow = async () =>
    new Map(
      (
        await t.call<{ units: Unit[] }>('GET', '/api/units/live', { token: await t.token('inspector') })
      ).body.units.map((u) => [u.id, u]),
    );

  it('sends two units: their statuses and the card change in one operation, with who and when', async () => {
    const socket = await openSocket(t.url, `token=${await t.token('supervisor')}`);
    try {
      const result = await push(aDispatch(cardId, [ALMATY, ALMATY_SOG]));
      expect(result).toMatchObject({ status: 'applied' });
      const card = result?.status === 'applied' ? (result.card as Card) : null;
      expect(card?.dispatchedUnitIds).toEqual([ALMATY, ALMATY_SOG]);
      const units = await unitsNow();
      expect(units.get(ALMATY)).toMatchObject({ status: 'enRoute', cardId });
      expect(units.get(ALMATY_SOG)).toMatchObject({ status: 'enRoute', cardId });
      await socket.next('units', (m) => m.units.some((u) => u.id === ALMATY && u.status === 'enRoute'));
      await socket.next(
        'card.changed',
        (m) => m.card.id === cardId && (m.card.dispatchedUnitIds?.length ?? 0) === 2,
      );
      const pulled = await t.call<{ card: Card }>('GET', `/api/cards/${cardId}`, {
        token: await t.token('inspector'),
      });
      expect(pulled.body.card.dispatchedUnitIds).toEqual([ALMATY, ALMATY_SOG]);
    } finally {
      socket.close();
    }
  });

  it('refuses a unit already busy elsewhere, and changes nothing of the others', async () => {
    const result = await push(aDispatch(cardId, [ALMATY_2, ALMATY]));
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'unit.notFree',
      params: { callSign: expect.any(String), status: 'enRoute' },
    });
    expect((await unitsNow()).get(ALMATY_2)).toMatchObject({ status: 'free', cardId: null });
  });

  it('sends the same operation twice: applied once', async () => {
    const op = aDispatch(cardId, [ALMATY_2]);
    expect(await push(op)).toMatchObject({ status: 'applied' });
    expect(await push(op)).toMatchObject({ status: 'duplicate' });
  });

  it('refuses an operator, and an inspector of another territory', async () => {
    expect(await push(aDispatch(cardId, ['kz-almaty-medeu-p1']), 'operator')).toMatchObject({
      status: 'rejected',
      code: 'role.forbidden',
    });
    const astana = await anAstanaInspector(t);
    const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: astana,
      body: { operations: [aDispatch(cardId, ['kz-almaty-medeu-p1'])] },
    });
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', code: 'card.otherTerritory' });
  });

  it('a status from the console frees the unit from the card', async () => {
    const r = await t.call<{ unit: Unit }>('POST', `/api/units/${ALMATY}/status`, {
      token: await t.token('inspector'),
      body: { status: 'free' },
    });
    expect(r).toMatchObject({ status: 200, body: { unit: { status: 'free', cardId: null } } });
  });
});
