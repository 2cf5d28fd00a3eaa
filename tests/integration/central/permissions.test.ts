import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, STAFF_ROLES } from '../../../domain/session/roles';
import { type GuardedRoute as RouteKey, ROUTE_PERMISSIONS } from '../../../domain/contract/central';
import type { TerritoriesAnswer, UnitsAnswer } from '../../../domain/reference/reference';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, anAppeal, aTransition, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { loginAs, openSocket } from '../../support/central/client';

/** A request that passes validation where it can, so only the permission decides 403. */
function sampleRequest(key: RouteKey): { method: string; path: string; body?: unknown } {
  const [method = 'GET', template = '/'] = key.split(' ');
  const path = template.replace(':id', key.includes('departments') ? 'kz-almaty' : randomUUID());
  const bodies: Partial<Record<RouteKey, unknown>> = {
    'POST /api/accounts': {
      login: `x${randomUUID().slice(0, 8)}`,
      password: 'long-enough-pass',
      role: 'operator',
      departmentId: null,
      displayName: 'X',
    },
    'PATCH /api/accounts/:id': { displayName: 'Y' },
    'POST /api/territories/import': { type: 'FeatureCollection', features: [] },
    'POST /api/staff/appeals/:id/messages': { text: 'hello' },
    'POST /api/sync/push': { operations: [aCardCreate()] },
    'POST /api/workstations/report': { workstationId: 'ws-1', report: { ok: true } },
  };
  return { method, path, body: bodies[key] ?? (method === 'POST' ? {} : undefined) };
}

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(() => t.close());

describe('the permission matrix, route by route and role by role (§28)', () => {
  const httpRoutes = (Object.keys(ROUTE_PERMISSIONS) as RouteKey[]).filter((k) => k !== 'GET /ws');

  for (const key of httpRoutes) {
    it(`${key} refuses anyone without a login`, async () => {
      const r = sampleRequest(key);
      expect((await t.call(r.method, r.path, { body: r.body })).status).toBe(401);
    });

    for (const role of ROLES) {
      const allowed = can(role, ROUTE_PERMISSIONS[key]);
      it(`${key} ${allowed ? 'lets' : 'refuses'} the ${role}`, async () => {
        const r = sampleRequest(key);
        const reply = await t.call(r.method, r.path, { token: await t.token(role), body: r.body });
        if (allowed) expect([401, 403]).not.toContain(reply.status);
        else
          expect(reply).toMatchObject({
            status: 403,
            body: { code: 'role.forbidden', params: { role, action: ROUTE_PERMISSIONS[key] } },
          });
      });
    }
  }

  it('GET /ws accepts every role of a person and refuses a missing or forged token', async () => {
    for (const role of STAFF_ROLES) {
      const s = await openSocket(t.url, `token=${await t.token(role)}`);
      await s.next('hello');
      s.close();
    }
    await expect(openSocket(t.url, 'token=forged')).rejects.toThrow('401');
    await expect(openSocket(t.url, '')).rejects.toThrow('400');
  });
});

describe('territory: each account acts only on its own department (§8)', () => {
  let astanaInspector: string;
  let cardId: string;

  beforeAll(async () => {
    const admin = await t.token('admin');
    const created = await t.call('POST', '/api/accounts', {
      token: admin,
      body: {
        login: 'inspector.astana',
        password: 'steppe eagle over the river',
        role: 'inspector',
        departmentId: 'kz-astana',
        displayName: 'Astana inspector',
      },
    });
    expect(created.status).toBe(201);
    astanaInspector = await loginAs(t.call, 'inspector.astana', 'steppe eagle over the river');
    const create = aCardCreate(aFilledCard());
    cardId = create.cardId;
    const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token('operator'),
      body: { operations: [create, aTransition(cardId, 'sendToInspector')] },
    });
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('an inspector of another department cannot move the card (§8, §10)', async () => {
    const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: astanaInspector,
      body: { operations: [aTransition(cardId, 'startResponse')] },
    });
    expect(r.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'card.otherTerritory',
      params: {},
    });
  });

  it('an inspector of another department cannot read the card or see it in the feed', async () => {
    expect((await t.call('GET', `/api/cards/${cardId}`, { token: astanaInspector })).status).toBe(404);
    const feed = await t.call<{ changes: { card?: { id: string } }[] }>('GET', '/api/sync/pull?since=0', {
      token: astanaInspector,
    });
    expect(feed.body.changes.some((c) => c.card?.id === cardId)).toBe(false);
  });

  it('the inspector of the territory can (§10)', async () => {
    const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token('inspector'),
      body: { operations: [aTransition(cardId, 'startResponse')] },
    });
    expect(r.body.results[0]?.status).toBe('applied');
  });

  it("another territory's appeal is neither listed nor readable", async () => {
    const receipt = await t.call<{ id: string }>('POST', '/api/appeals', {
      body: anAppeal({ location: PLACES.almatyCentre }),
    });
    const list = await t.call<{ appeals: { id: string }[] }>('GET', '/api/staff/appeals', {
      token: astanaInspector,
    });
    expect(list.body.appeals.map((a) => a.id)).not.toContain(receipt.body.id);
    expect(
      (await t.call('GET', `/api/staff/appeals/${receipt.body.id}`, { token: astanaInspector })).status,
    ).toBe(404);
  });

  it("an account gets only its territory's patrol units and outlines, districts included (§8)", async () => {
    const units = await t.call<UnitsAnswer>('GET', '/api/units', { token: astanaInspector });
    const territories = await t.call<TerritoriesAnswer>('GET', '/api/territories', {
      token: astanaInspector,
    });
    const astana = ['kz-astana', 'kz-astana-esil', 'kz-astana-saryarka'];
    expect(new Set(units.body.units.map((u) => u.departmentId))).toEqual(new Set(astana));
    expect(territories.body.territories.map((x) => x.departmentId).sort()).toEqual(astana);
    const duty = await t.call<UnitsAnswer>('GET', '/api/units', { token: await t.token('duty') });
    expect(new Set(duty.body.units.map((u) => u.departmentId))).toEqual(new Set(['kz-almaty-medeu']));
    const national = await t.call<TerritoriesAnswer>('GET', '/api/territories', {
      token: await t.token('admin'),
    });
    expect(national.body.territories.length).toBeGreaterThan(20);
    expect((await t.call('GET', '/api/departments/kz-almaty/units', { token: astanaInspector })).status).toBe(
      404,
    );
  });

  it('a district duty officer sees only the district (§14)', async () => {
    const duty = await t.token('duty');
    expect((await t.call('GET', `/api/cards/${cardId}`, { token: duty })).status).toBe(404);
  });
});
