import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import type { InboxItem } from '../../../domain/inbox/inbox';
import { aCardCreate, aFilledCard, aTransition, anAppeal } from '../../support/central/builders';
import { type TestCentral, startTestCentral } from '../../support/central/central';
import { openSocket } from '../../support/central/client';

describe('the operator inbox on central (issue 12, items 1, 2, 4)', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral();
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (options: Parameters<typeof anAppeal>[0]) =>
    (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal(options) })).body;
  const inbox = async (login = 'operator') =>
    (await t.call<{ items: InboxItem[] }>('GET', '/api/inbox', { token: await t.token(login) })).body.items;

  it('lists what waits most urgent first (SOS, calls, then texts by age), with no identity', async () => {
    const olderText = await post({ kind: 'text', text: 'Шум во дворе' });
    const sos = await post({ kind: 'sos', anonymous: true });
    const call = await post({ kind: 'callRequest' });
    const newerText = await post({ kind: 'text', text: 'Машина на газоне', language: 'kk' });
    const ours = (await inbox()).filter((i) =>
      [olderText.id, sos.id, call.id, newerText.id].includes(i.appealId),
    );
    expect(ours.map((i) => i.appealId)).toEqual([sos.id, call.id, olderText.id, newerText.id]);
    expect(ours[0]).toMatchObject({ kind: 'sos', channel: 'sos', anonymous: true, claimedBy: null });
    expect(ours[3]).toMatchObject({
      kind: 'text',
      language: 'kk',
      text: 'Машина на газоне',
      channel: 'app102',
    });
    expect(JSON.stringify(ours)).not.toContain('Айгерим');
  });

  it('gives a claim to the first operator only; the second is refused, and a console that goes away frees it', async () => {
    const text = await post({ kind: 'text' });
    const operatorSocket = await openSocket(t.url, `token=${await t.token('operator')}`);
    const other = await openSocket(t.url, `token=${await t.token('supervisor')}`);
    const claim = async (login: string) =>
      t.call<{ code?: string; claimedBy?: string }>('POST', `/api/inbox/${text.id}/claim`, {
        token: await t.token(login),
      });
    const first = await claim('operator');
    expect(first.status).toBe(200);
    const second = await claim('supervisor');
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'inbox.claimed' });
    // Nobody's name: the refusal says it is taken, not by whom.
    expect(JSON.stringify(second.body)).not.toContain('Асель');
    await other.next('inbox.claim', (m) => m.appealId === text.id && m.claimedBy !== null);
    expect((await inbox('supervisor')).find((i) => i.appealId === text.id)?.claimedBy).toBe(
      first.body.claimedBy,
    );
    // The same operator claiming again keeps it.
    expect((await claim('operator')).status).toBe(200);

    operatorSocket.close();
    await other.next('inbox.claim', (m) => m.appealId === text.id && m.claimedBy === null);
    expect((await claim('supervisor')).status).toBe(200);
    other.close();
  });

  it('forwards a non-urgent text to a competent service: it never becomes a card and the citizen hears where it went', async () => {
    const services = (
      await t.call<{ services: { id: string; nameKk: string; nameRu: string }[] }>('GET', '/api/services', {
        token: await t.token('operator'),
      })
    ).body.services;
    expect(services.map((s) => s.id)).toContain('akimat');
    const text = await post({ kind: 'text', text: 'Не горит фонарь у дома' });
    const citizen = await openSocket(t.url, `appeal=${text.id}&citizenToken=${text.citizenToken}`);
    const token = await t.token('operator');
    const forwarded = await t.call('POST', `/api/inbox/${text.id}/forward`, {
      token,
      body: { serviceId: 'akimat', reason: 'Street lighting is the akimat’s' },
    });
    expect(forwarded.status).toBe(200);
    const told = await citizen.next('appeal.status', (m) => m.appealId === text.id);
    expect(told).toMatchObject({
      status: 'forwardedToService',
      service: { id: 'akimat', nameRu: 'Общественная приёмная акимата' },
    });
    expect(JSON.stringify(told)).not.toMatch(/Асель|Нурланова|accountId/);
    expect((await inbox()).some((i) => i.appealId === text.id)).toBe(false);
    const view = await t.call<{ status: string }>('GET', `/api/appeals/${text.id}`, {
      headers: { 'x-citizen-token': text.citizenToken },
    });
    expect(view.body.status).toBe('forwardedToService');
    // Forwarded once: a second forward or a claim finds it no longer waiting.
    const again = await t.call('POST', `/api/inbox/${text.id}/forward`, {
      token,
      body: { serviceId: 'akimat', reason: 'again' },
    });
    expect(again.body).toMatchObject({ code: 'inbox.notWaiting' });
    expect((await t.call('POST', `/api/inbox/${text.id}/claim`, { token })).body).toMatchObject({
      code: 'inbox.notWaiting',
    });
    citizen.close();
  });

  it('keeps SOS alarms and calls with the police: they are never forwarded', async () => {
    const sos = await post({ kind: 'sos', anonymous: true });
    const refused = await t.call('POST', `/api/inbox/${sos.id}/forward`, {
      token: await t.token('operator'),
      body: { serviceId: 'akimat', reason: 'no' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'inbox.notForwardable' });
  });

  it('tells the citizen each step of the card opened from the appeal: in progress, then with the police', async () => {
    const text = await post({ kind: 'text' });
    const citizen = await openSocket(t.url, `appeal=${text.id}&citizenToken=${text.citizenToken}`);
    const create = aCardCreate(aFilledCard({ appealId: text.id }));
    const pushed = await t.call('POST', '/api/sync/push', {
      token: await t.token('operator'),
      body: {
        operations: [create, aTransition(create.cardId, 'sendToInspector')],
      },
    });
    expect(pushed.status).toBe(200);
    await citizen.next('appeal.status', (m) => m.appealId === text.id && m.status === 'inProgress');
    await citizen.next('appeal.status', (m) => m.appealId === text.id && m.status === 'sentToPolice');
    expect((await inbox()).some((i) => i.appealId === text.id)).toBe(false);
    citizen.close();
  });
});
