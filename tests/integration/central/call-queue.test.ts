import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { anAppeal } from './support/builders';
import { startTestCentral, type TestCentral } from './support/central';
import { openSocket } from './support/client';

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
