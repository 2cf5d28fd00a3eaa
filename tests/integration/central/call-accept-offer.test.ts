import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { aSecondOperator } from '../../support/central/secondOperator';
import { openSocket } from '../../support/central/client';

/**
 * The accept carries the operator's offer (call-setup bench): central relays it to the citizen only when that
 * accept wins, and holds it for a citizen whose socket is not open yet.
 */
describe('the offer that comes with the accept', () => {
  let t: TestCentral;
  let secondToken: string;
  beforeAll(async () => {
    t = await startTestCentral({ pglite: true });
    secondToken = await aSecondOperator(t);
  });
  afterAll(() => t?.close());

  const aCall = async () =>
    (
      await t.call<AppealReceipt>('POST', '/api/appeals', {
        body: anAppeal({ kind: 'callRequest', anonymous: true }),
      })
    ).body;
  const citizenOf = (call: AppealReceipt) =>
    openSocket(t.url, `appeal=${call.id}&citizenToken=${call.citizenToken}`);

  it('reaches the citizen after the call is in progress, and the answer comes back', async () => {
    const call = await aCall();
    const citizen = await citizenOf(call);
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    operator.send({ type: 'call.accept', appealId: call.id, offer: 'v=0\r\nwith-the-accept\r\n' });
    const offer = await citizen.next('call.signal');
    expect(offer).toMatchObject({
      from: 'operator',
      signal: { kind: 'offer', sdp: 'v=0\r\nwith-the-accept\r\n' },
    });
    const statuses = citizen.messages.filter((m) => m.type === 'appeal.status');
    expect(statuses).toContainEqual(expect.objectContaining({ status: 'inProgress' }));
    citizen.send({ type: 'call.signal', appealId: call.id, signal: { kind: 'answer', sdp: 'v=0\r\n' } });
    expect(await operator.next('call.signal')).toMatchObject({ from: 'citizen', signal: { kind: 'answer' } });
    citizen.close();
    operator.close();
  });

  it('waits for a citizen whose socket opens after the accept, with the candidates sent after it', async () => {
    const call = await aCall();
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    operator.send({ type: 'call.accept', appealId: call.id, offer: 'v=0\r\nbefore-the-citizen\r\n' });
    await operator.next('call.taken', (m) => m.appealId === call.id);
    const candidate = {
      kind: 'ice',
      candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    operator.send({ type: 'call.signal', appealId: call.id, signal: candidate });
    const pings = operator.messages.filter((m) => m.type === 'pong').length;
    operator.send({ type: 'ping' });
    let seen = 0;
    await operator.next('pong', () => ++seen > pings);
    const citizen = await citizenOf(call);
    await citizen.next('call.signal', (m) => m.signal.kind === 'ice');
    const signals = citizen.messages.flatMap((m) => (m.type === 'call.signal' ? [m.signal] : []));
    expect(signals).toEqual([{ kind: 'offer', sdp: 'v=0\r\nbefore-the-citizen\r\n' }, candidate]);
    citizen.close();
    operator.close();
  });

  it('of an accept that lost is refused with the accept (call.taken) and never reaches the citizen', async () => {
    const call = await aCall();
    const citizen = await citizenOf(call);
    const first = await openSocket(t.url, `token=${await t.token('operator')}`);
    const second = await openSocket(t.url, `token=${secondToken}`);
    first.send({ type: 'call.accept', appealId: call.id, offer: 'v=0\r\nfirst\r\n' });
    await citizen.next('call.signal');
    second.send({ type: 'call.accept', appealId: call.id, offer: 'v=0\r\nsecond\r\n' });
    expect(await second.next('error')).toMatchObject({ code: 'call.taken' });
    // The first operator's signals still pass; the second's offer was never relayed.
    first.send({
      type: 'call.signal',
      appealId: call.id,
      signal: { kind: 'offer', sdp: 'v=0\r\nagain\r\n' },
    });
    await citizen.next('call.signal', (m) => m.signal.kind === 'offer' && m.signal.sdp.includes('again'));
    const offers = citizen.messages.flatMap((m) =>
      m.type === 'call.signal' && m.signal.kind === 'offer' ? [m.signal.sdp] : [],
    );
    expect(offers).toEqual(['v=0\r\nfirst\r\n', 'v=0\r\nagain\r\n']);
    for (const s of [citizen, first, second]) s.close();
  });
});
