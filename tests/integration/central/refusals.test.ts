import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRefusal } from '../../../domain/contract/refusal';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, anAppeal, aTransition } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

/** Every refusal carries a code of the catalogue (domain/contract/refusal.ts) and its parameters, never only English. */
let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(() => t.close());

const appeal = (body: Record<string, unknown>) => t.call('POST', '/api/appeals', { body });

async function push(login: string, operations: unknown[]) {
  const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
    token: await t.token(login),
    body: { operations },
  });
  return r.body.results;
}

/** The part of an answer a screen reads: a code it knows with parameters that fit. */
function refusalOf(body: unknown) {
  const wire = body as { code: string; params: Record<string, unknown> };
  return readRefusal(wire);
}

describe("central's refusals carry a code and its parameters", () => {
  it('a send with every §9 field missing names the fields', async () => {
    const create = aCardCreate({ urgent: true });
    const [, sent] = await push('operator', [create, aTransition(create.cardId, 'sendToInspector')]);
    expect(refusalOf(sent)).toEqual({
      code: 'card.missingForSend',
      params: { fields: ['description', 'category', 'place'] },
    });
  });

  it('a role that may not take a step is refused with its role and the step', async () => {
    const create = aCardCreate(aFilledCard());
    const [, send] = await push('supervisor', [
      create,
      aTransition(create.cardId, 'register', { kuizhNumber: '1' }),
    ]);
    expect(refusalOf(send)).toEqual({
      code: 'role.forbidden',
      params: { role: 'supervisor', action: 'register' },
    });
    const r = await t.call('GET', '/api/accounts', { token: await t.token('operator') });
    expect(r.status).toBe(403);
    expect(refusalOf(r.body)).toEqual({
      code: 'role.forbidden',
      params: { role: 'operator', action: 'accounts.manage' },
    });
  });

  it('a card of another territory is refused as such (§8)', async () => {
    // The duty officer of Medeu district may not touch a card of Astana.
    const create = aCardCreate(aFilledCard({ location: { lat: 51.1601, lon: 71.47, source: 'map' } }));
    await push('supervisor', [create]);
    const [moved] = await push('duty', [aTransition(create.cardId, 'startResponse')]);
    expect(refusalOf(moved)).toEqual({ code: 'card.otherTerritory', params: {} });
  });

  it.each([
    ['an empty text', { text: '   ' }, { field: 'text', problem: 'empty' }],
    ['no report kind', { category: undefined }, { field: 'category', problem: 'missing' }],
    ['a report kind that does not exist', { category: 'alien' }, { field: 'category', problem: 'invalid' }],
    ['a field nobody asked for', { isAdmin: true }, { field: 'isAdmin', problem: 'unknownField' }],
    ['a text too long', { text: 'а'.repeat(4001) }, { field: 'text', problem: 'tooLong' }],
    ['a wrong phone', { applicant: { phone: 'call me' } }, { field: 'applicant.phone', problem: 'invalid' }],
    [
      'an applicant on an anonymous appeal',
      { anonymous: true, applicant: { name: 'Асель' } },
      { field: 'applicant', problem: 'anonymousWithApplicant' },
    ],
    [
      'neither applicant nor anonymous',
      { applicant: undefined },
      { field: 'applicant', problem: 'applicantOrAnonymous' },
    ],
  ])('an invalid appeal (%s) names the field and the problem, not zod', async (_, change, params) => {
    const r = await appeal({ ...anAppeal(), ...change });
    expect(r.status).toBe(400);
    expect(refusalOf(r.body)).toEqual({ code: 'appeal.invalid', params });
  });

  it('a citizen chat line that is empty, and an unknown appeal, are refused with codes', async () => {
    const receipt = (await appeal(anAppeal({ anonymous: true }))).body as {
      id: string;
      citizenToken: string;
    };
    const empty = await t.call('POST', `/api/appeals/${receipt.id}/messages`, {
      body: { text: ' ' },
      headers: { 'x-citizen-token': receipt.citizenToken },
    });
    expect(refusalOf(empty.body)).toEqual({
      code: 'appeal.invalid',
      params: { field: 'message.text', problem: 'empty' },
    });
    const wrongToken = await t.call('GET', `/api/appeals/${receipt.id}`, {
      headers: { 'x-citizen-token': 'nope' },
    });
    expect(wrongToken.status).toBe(404);
    expect(refusalOf(wrongToken.body)).toEqual({ code: 'appeal.notFound', params: {} });
  });

  it('a wrong password, malformed JSON and an unknown route carry codes too', async () => {
    const login = await t.call('POST', '/api/auth/login', { body: { login: 'operator', password: 'wrong' } });
    expect(refusalOf(login.body)).toEqual({ code: 'auth.wrongCredentials', params: {} });
    const malformed = await t.call('POST', '/api/appeals', { raw: '{"kind": "text",' });
    expect(refusalOf(malformed.body)).toEqual({ code: 'request.malformed', params: {} });
    const nowhere = await t.call('GET', '/api/nowhere');
    expect(refusalOf(nowhere.body)).toEqual({ code: 'route.notFound', params: {} });
  });
});
