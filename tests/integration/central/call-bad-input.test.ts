import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { aSecondOperator } from '../../support/central/secondOperator';
import { openSocket } from '../../support/central/client';

type Socket = Awaited<ReturnType<typeof openSocket>>;

/**
 * Call frames that must be refused with a clear code (issue 13, "bad input"), each without breaking the
 * sender's socket or the call that is going on between the right operator and the citizen.
 */
describe('bad call input is refused without breaking anyone’s session', () => {
  let t: TestCentral;
  let call: AppealReceipt;
  let other: AppealReceipt;
  let operator: Socket;
  let secondOperator: Socket;
  let citizen: Socket;

  /** The refusal answering the next frame: the socket's error count before it, then the one after. */
  async function refusalOf(socket: Socket, send: () => void) {
    const before = socket.messages.filter((m) => m.type === 'error').length;
    send();
    let seen = 0;
    return socket.next('error', () => ++seen > before);
  }

  /** The socket still answers, and the accepted call still carries signals both ways. */
  async function stillWorking(socket: Socket) {
    const pings = socket.messages.filter((m) => m.type === 'pong').length;
    socket.send({ type: 'ping' });
    let seen = 0;
    await socket.next('pong', () => ++seen > pings);
    const sdp = `v=0\r\no=- ${Math.random()} 2 IN IP4 127.0.0.1\r\n`;
    operator.send({ type: 'call.signal', appealId: call.id, signal: { kind: 'offer', sdp } });
    await citizen.next('call.signal', (m) => m.signal.kind === 'offer' && m.signal.sdp === sdp);
  }

  beforeAll(async () => {
    t = await startTestCentral({ pglite: true });
    const secondToken = await aSecondOperator(t);
    const post = (kind: 'callRequest' | 'sos') =>
      t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ kind, anonymous: true }) });
    call = (await post('callRequest')).body;
    other = (await post('sos')).body;
    operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    secondOperator = await openSocket(t.url, `token=${secondToken}`);
    citizen = await openSocket(t.url, `appeal=${call.id}&citizenToken=${call.citizenToken}`);
    operator.send({ type: 'call.accept', appealId: call.id });
    await citizen.next('appeal.status', (m) => m.status === 'inProgress');
  });
  afterAll(async () => {
    for (const s of [operator, secondOperator, citizen]) s?.close();
    await t?.close();
  });

  it('a frame that is not JSON: request.malformed', async () => {
    expect(await refusalOf(operator, () => operator.ws.send('{"type": "call.signal", '))).toMatchObject({
      code: 'request.malformed',
    });
    await stillWorking(operator);
  });

  it('an oversized signalling frame: request.tooLarge', async () => {
    const sdp = 'a'.repeat(200 * 1024);
    const refused = await refusalOf(operator, () =>
      operator.send({ type: 'call.signal', appealId: call.id, signal: { kind: 'offer', sdp } }),
    );
    expect(refused).toMatchObject({ code: 'request.tooLarge' });
    await stillWorking(operator);
  });

  it('a signal that does not follow the contract: request.invalid, naming the message', async () => {
    const refused = await refusalOf(operator, () =>
      operator.send({ type: 'call.signal', appealId: call.id, signal: { kind: 'offer' } }),
    );
    expect(refused).toMatchObject({ code: 'request.invalid', params: { part: 'message' } });
    await stillWorking(operator);
  });

  it('an offer for a call this operator did not accept: call.notYours; the citizen hears nothing of it', async () => {
    const refused = await refusalOf(secondOperator, () =>
      secondOperator.send({
        type: 'call.signal',
        appealId: call.id,
        signal: { kind: 'offer', sdp: 'v=0\r\nintruder\r\n' },
      }),
    );
    expect(refused).toMatchObject({ code: 'call.notYours' });
    // A call nobody accepted yet is not theirs either.
    expect(
      await refusalOf(secondOperator, () =>
        secondOperator.send({
          type: 'call.signal',
          appealId: other.id,
          signal: { kind: 'offer', sdp: 'v=0\r\n' },
        }),
      ),
    ).toMatchObject({ code: 'call.notYours' });
    await stillWorking(secondOperator);
    expect(
      citizen.messages.some(
        (m) => m.type === 'call.signal' && m.signal.kind === 'offer' && m.signal.sdp.includes('intruder'),
      ),
    ).toBe(false);
  });

  it('a second accept of the same call: call.taken, for another operator and for the same one', async () => {
    expect(
      await refusalOf(secondOperator, () => secondOperator.send({ type: 'call.accept', appealId: call.id })),
    ).toMatchObject({ code: 'call.taken' });
    expect(
      await refusalOf(operator, () => operator.send({ type: 'call.accept', appealId: call.id })),
    ).toMatchObject({ code: 'call.taken' });
    await stillWorking(secondOperator);
    await stillWorking(operator);
  });

  it("a citizen token for another appeal opens neither that appeal's socket nor its ICE servers", async () => {
    await expect(openSocket(t.url, `appeal=${other.id}&citizenToken=${call.citizenToken}`)).rejects.toThrow(
      'upgrade refused: 404',
    );
    const ice = await t.call('GET', `/api/appeals/${other.id}/ice`, {
      headers: { 'x-citizen-token': call.citizenToken },
    });
    expect(ice).toMatchObject({ status: 404, body: { code: 'appeal.notFound' } });
    // On their own socket, a signal naming another appeal is refused too.
    expect(
      await refusalOf(citizen, () =>
        citizen.send({ type: 'call.signal', appealId: other.id, signal: { kind: 'answer', sdp: 'v=0\r\n' } }),
      ),
    ).toMatchObject({ code: 'appeal.notFound' });
    // A citizen never accepts a call.
    expect(
      await refusalOf(citizen, () => citizen.send({ type: 'call.accept', appealId: call.id })),
    ).toMatchObject({ code: 'call.notYours' });
    await stillWorking(operator);
  });
});
