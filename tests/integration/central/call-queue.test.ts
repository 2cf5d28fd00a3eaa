import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { loginAs, openSocket } from '../../support/central/client';

/** A call the citizen leaves before anyone accepts it leaves every queue (issue 13, item 2). */
describe('a call whose citizen leaves stops ringing everywhere', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral({ pglite: true, callAbandonAfterMs: 300 });
  });
  afterAll(() => t?.close());

  const aCall = async () =>
    (
      await t.call<AppealReceipt>('POST', '/api/appeals', {
        body: anAppeal({ kind: 'callRequest', anonymous: true }),
      })
    ).body;

  it('a hang-up before anyone accepted closes the call; a late accept is refused', async () => {
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    const call = await aCall();
    const citizen = await openSocket(t.url, `appeal=${call.id}&citizenToken=${call.citizenToken}`);
    await operator.next('appeal.new', (m) => m.appeal.id === call.id);
    citizen.send({ type: 'call.signal', appealId: call.id, signal: { kind: 'hangup' } });
    await operator.next('appeal.status', (m) => m.appealId === call.id && m.status === 'closed');
    operator.send({ type: 'call.accept', appealId: call.id });
    expect(await operator.next('error')).toMatchObject({ code: 'call.taken' });
    citizen.close();
    operator.close();
  });

  it('a citizen whose socket stays gone past the grace leaves the queue; an accepted call stays', async () => {
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    const gone = await aCall();
    const taken = await aCall();
    const goneCitizen = await openSocket(t.url, `appeal=${gone.id}&citizenToken=${gone.citizenToken}`);
    const takenCitizen = await openSocket(t.url, `appeal=${taken.id}&citizenToken=${taken.citizenToken}`);
    operator.send({ type: 'call.accept', appealId: taken.id });
    await takenCitizen.next('appeal.status', (m) => m.status === 'inProgress');
    takenCitizen.close();
    goneCitizen.close();
    await operator.next('appeal.status', (m) => m.appealId === gone.id && m.status === 'closed', 5000);
    const view = await t.call('GET', `/api/appeals/${taken.id}`, {
      headers: { 'x-citizen-token': taken.citizenToken },
    });
    expect(view.body).toMatchObject({ status: 'inProgress' });
    operator.close();
  });
});

/** The queue of a territory's calls: places, SOS first, escalation to the supervisor and the neighbours. */
describe('the queue of calls: places, SOS first, escalation', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral({ pglite: true, callQueue: { escalateAfterMs: 400 } });
  });
  afterAll(() => t?.close());

  it('an SOS goes ahead of the waiting calls; each citizen hears their place as the queue moves', async () => {
    const post = async (kind: 'callRequest' | 'sos') =>
      (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ kind, anonymous: true }) }))
        .body;
    const first = await post('callRequest');
    const firstCitizen = await openSocket(t.url, `appeal=${first.id}&citizenToken=${first.citizenToken}`);
    await firstCitizen.next('call.queue', (m) => m.place === 1);
    const second = await post('callRequest');
    const secondCitizen = await openSocket(t.url, `appeal=${second.id}&citizenToken=${second.citizenToken}`);
    await secondCitizen.next('call.queue', (m) => m.place === 2);
    const sos = await post('sos');
    const sosCitizen = await openSocket(t.url, `appeal=${sos.id}&citizenToken=${sos.citizenToken}`);
    await sosCitizen.next('call.queue', (m) => m.place === 1);
    await secondCitizen.next('call.queue', (m) => m.place === 3);
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    operator.send({ type: 'call.accept', appealId: sos.id });
    await secondCitizen.next('call.queue', (m) => m.place === 2);
    for (const s of [firstCitizen, secondCitizen, sosCitizen, operator]) s.close();
  });

  it('unanswered past the escalation time, a call rings the supervisor and the neighbouring territory', async () => {
    // Medeu district lies inside Almaty: its duty unit is a neighbour of an Almaty caller near it.
    const supervisor = await openSocket(t.url, `token=${await t.token('supervisor')}`);
    const duty = await openSocket(t.url, `token=${await t.token('duty')}`);
    const call = (
      await t.call<AppealReceipt>('POST', '/api/appeals', {
        body: anAppeal({ kind: 'callRequest', anonymous: true }),
      })
    ).body;
    const escalated = await supervisor.next('call.escalated', (m) => m.appeal.id === call.id);
    expect(escalated.neighbourIds.length).toBeGreaterThan(0);
    expect(escalated.appeal).toMatchObject({ kind: 'callRequest', status: 'registered' });
    expect(duty.messages.some((m) => m.type === 'appeal.new' && m.appeal.id === call.id)).toBe(false);
    await duty.next('call.escalated', (m) => m.appeal.id === call.id);
    // The neighbour hears of the call when it escalates, and hears when it is taken.
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    operator.send({ type: 'call.accept', appealId: call.id });
    await operator.next('call.taken', (m) => m.appealId === call.id);
    await duty.next('call.taken', (m) => m.appealId === call.id);
    for (const s of [supervisor, duty, operator]) s.close();
  });

  it("a neighbouring territory's operator takes a call only once it has escalated", async () => {
    const neighbour = { login: `medeu.${Date.now()}`, password: 'correct horse battery' };
    const created = await t.call('POST', '/api/accounts', {
      token: await t.token('admin'),
      body: { ...neighbour, role: 'operator', departmentId: 'kz-almaty-medeu', displayName: 'Медеу' },
    });
    expect(created.status).toBe(201);
    const socket = await openSocket(
      t.url,
      `token=${await loginAs(t.call, neighbour.login, neighbour.password)}`,
    );
    const call = (
      await t.call<AppealReceipt>('POST', '/api/appeals', {
        body: anAppeal({ kind: 'callRequest', anonymous: true }),
      })
    ).body;
    // Before it escalates the call is another territory's: it does not exist for this operator.
    socket.send({ type: 'call.accept', appealId: call.id });
    expect(await socket.next('error')).toMatchObject({ code: 'call.notFound' });
    await socket.next('call.escalated', (m) => m.appeal.id === call.id);
    socket.send({ type: 'call.accept', appealId: call.id });
    await socket.next('call.taken', (m) => m.appealId === call.id);
    socket.close();
  });
});
