import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { REALTIME_CLOSE_CODES } from '../../../domain/contract/realtime';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, anAppeal, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { loginAs, openSocket } from '../../support/central/client';
import {
  freshPostgresDatabase,
  POSTGRES_SKIP_REASON,
  postgresReachable,
} from '../../support/central/postgres';

describe.skipIf(!postgresReachable)(
  `two central instances on one PostgreSQL behave as one${postgresReachable ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let a: TestCentral;
    let b: TestCentral;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const db = await freshPostgresDatabase();
      drop = db.drop;
      a = await startTestCentral({ databaseUrl: db.url });
      b = await startTestCentral({ databaseUrl: db.url });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await drop?.();
    });

    it('an appeal posted to one instance reaches an operator socket on the other (§8 territory)', async () => {
      const operator = await openSocket(b.url, `token=${await b.token('operator')}`);
      const receipt = (await a.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal() })).body;
      const m = await operator.next('appeal.new', (x) => x.appeal.id === receipt.id);
      expect(m.appeal).toMatchObject({
        number: receipt.number,
        departmentId: 'kz-almaty',
        routedBy: 'territory',
      });
      expect(m.appeal.applicant).toMatchObject({ name: 'Айгерим Сапарова' });
      operator.close();
    });

    it('passes a burst of card changes from one instance to the other complete and in order', async () => {
      const operator = await openSocket(b.url, `token=${await b.token('operator')}`);
      const batch = Array.from({ length: 150 }, () => aCardCreate(aFilledCard()));
      const pushed = await a.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
        token: await a.token('operator'),
        body: { operations: batch },
      });
      expect(pushed.status).toBe(200);
      const last = batch.at(-1)?.cardId;
      await operator.next('card.changed', (m) => m.card.id === last);
      const seen = operator.messages.flatMap((m) => (m.type === 'card.changed' ? [m] : []));
      expect(seen.map((m) => m.card.id)).toEqual(batch.map((op) => op.cardId));
      expect(seen.map((m) => m.seq)).toEqual([...seen.map((m) => m.seq)].sort((x, y) => x - y));
      operator.close();
    });

    /** A call request whose citizen is on instance a, accepted by the operator on instance b. */
    async function acceptedCall() {
      const receipt = (
        await a.call<AppealReceipt>('POST', '/api/appeals', {
          body: anAppeal({ kind: 'callRequest', anonymous: true }),
        })
      ).body;
      const citizen = await openSocket(a.url, `appeal=${receipt.id}&citizenToken=${receipt.citizenToken}`);
      const operator = await openSocket(b.url, `token=${await b.token('operator')}`);
      operator.send({ type: 'call.accept', appealId: receipt.id });
      await citizen.next('appeal.status', (m) => m.status === 'inProgress');
      return { receipt, citizen, operator };
    }

    it('relays call signaling between a citizen on one instance and the accepting operator on the other', async () => {
      const { receipt, citizen, operator } = await acceptedCall();
      // An SDP offer larger than a NOTIFY payload travels through the spill table.
      const sdp = `v=0\r\n${'a=candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host\r\n'.repeat(200)}`;
      citizen.send({ type: 'call.signal', appealId: receipt.id, signal: { kind: 'offer', sdp } });
      const offer = await operator.next('call.signal', (m) => m.appealId === receipt.id);
      expect(offer).toMatchObject({ from: 'citizen', signal: { kind: 'offer', sdp } });
      operator.send({
        type: 'call.signal',
        appealId: receipt.id,
        signal: { kind: 'answer', sdp: 'v=0\r\n' },
      });
      expect(await citizen.next('call.signal')).toMatchObject({
        from: 'operator',
        signal: { kind: 'answer' },
      });
      citizen.close();
      operator.close();
    });

    it("relays an ICE restart's offer number with its answer, and the citizen's return after a blip", async () => {
      const { receipt, citizen, operator } = await acceptedCall();
      operator.send({
        type: 'call.signal',
        appealId: receipt.id,
        signal: { kind: 'offer', sdp: 'v=0\r\n', round: 3 },
      });
      expect(await citizen.next('call.signal')).toMatchObject({ signal: { kind: 'offer', round: 3 } });
      citizen.send({
        type: 'call.signal',
        appealId: receipt.id,
        signal: { kind: 'answer', sdp: 'v=0\r\n', round: 3 },
      });
      expect(await operator.next('call.signal', (m) => m.appealId === receipt.id)).toMatchObject({
        from: 'citizen',
        signal: { kind: 'answer', round: 3 },
      });
      citizen.close();
      const back = await openSocket(a.url, `appeal=${receipt.id}&citizenToken=${receipt.citizenToken}`);
      back.send({ type: 'call.signal', appealId: receipt.id, signal: { kind: 'linkBack' } });
      expect(
        await operator.next('call.signal', (m) => m.appealId === receipt.id && m.signal.kind !== 'answer'),
      ).toMatchObject({ from: 'citizen', signal: { kind: 'linkBack' } });
      // A round is a whole number; anything else is refused like any malformed signal.
      back.send({
        type: 'call.signal',
        appealId: receipt.id,
        signal: { kind: 'answer', sdp: 'v=0\r\n', round: -1 },
      });
      expect(await back.next('error', (m) => m.reason.includes('invalid'))).toBeTruthy();
      back.close();
      operator.close();
    });

    it('shows an operator online on one instance to a supervisor on the other', async () => {
      const supervisor = await openSocket(a.url, `token=${await a.token('supervisor')}`);
      const operator = await openSocket(b.url, `token=${await b.token('operator')}`);
      const seen = await supervisor.next(
        'presence',
        (m) => m.role === 'operator' && m.status === 'available',
      );
      operator.close();
      await supervisor.next('presence', (m) => m.accountId === seen.accountId && m.status === 'offline');
      supervisor.close();
    });

    it("a password reset on one instance closes the account's socket on the other at once (issue 11 item 7)", async () => {
      const login = `operator.${Math.random().toString(36).slice(2, 8)}`;
      const created = await a.call<{ id: string }>('POST', '/api/accounts', {
        token: await a.token('admin'),
        body: {
          login,
          password: 'steppe eagle over the river',
          role: 'operator',
          departmentId: 'kz-almaty',
          displayName: 'Operator',
        },
      });
      const token = await loginAs(b.call, login, 'steppe eagle over the river');
      const socket = await openSocket(b.url, `token=${token}`);
      await socket.next('hello');
      const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
      await a.call('PATCH', `/api/accounts/${created.body.id}`, {
        token: await a.token('admin'),
        body: { password: 'another long passphrase here' },
      });
      expect(await closed).toBe(REALTIME_CLOSE_CODES.sessionRevoked);
    });
  },
);

describe('realtime on one PGlite instance', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral({ pglite: true });
  });
  afterAll(() => t.close());

  it('sends a new SOS alarm to the operators of its territory only (§18, §8)', async () => {
    const almaty = await openSocket(t.url, `token=${await t.token('operator')}`);
    const duty = await openSocket(t.url, `token=${await t.token('duty')}`);
    const sos = (
      await t.call<AppealReceipt>('POST', '/api/appeals', {
        body: anAppeal({ kind: 'sos', anonymous: true, location: PLACES.almatyCentre }),
      })
    ).body;
    expect(await almaty.next('appeal.new', (m) => m.appeal.id === sos.id)).toMatchObject({
      appeal: { kind: 'sos', anonymous: true, applicant: null },
    });
    // The Medeu duty unit does not see an appeal outside Medeu; a marker appeal inside it arrives after.
    const inMedeu = (
      await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ location: PLACES.medeu }) })
    ).body;
    await duty.next('appeal.new', (m) => m.appeal.id === inMedeu.id);
    expect(duty.messages.some((m) => m.type === 'appeal.new' && m.appeal.id === sos.id)).toBe(false);
    almaty.close();
    duty.close();
  });

  it('lets the citizen and the dispatcher chat, each seeing the other (§2)', async () => {
    const receipt = (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal() })).body;
    const citizen = await openSocket(t.url, `appeal=${receipt.id}&citizenToken=${receipt.citizenToken}`);
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    await t.call('POST', `/api/appeals/${receipt.id}/messages`, {
      body: { text: 'Помогите' },
      headers: { 'x-citizen-token': receipt.citizenToken },
    });
    expect(await operator.next('chat.message', (m) => m.message.appealId === receipt.id)).toMatchObject({
      message: { from: 'citizen', text: 'Помогите' },
    });
    const reply = await t.call('POST', `/api/staff/appeals/${receipt.id}/messages`, {
      token: await t.token('operator'),
      body: { text: 'Наряд выехал' },
    });
    expect(reply.status).toBe(201);
    expect(await citizen.next('chat.message', (m) => m.message.from === 'staff')).toMatchObject({
      message: { text: 'Наряд выехал' },
    });
    const history = await t.call<{ messages: unknown[] }>('GET', `/api/appeals/${receipt.id}/messages`, {
      headers: { 'x-citizen-token': receipt.citizenToken },
    });
    expect(history.body.messages).toHaveLength(2);
    citizen.close();
    operator.close();
  });

  it('gives a call to the first operator who accepts and tells the others it is taken (§9)', async () => {
    const receipt = (
      await t.call<AppealReceipt>('POST', '/api/appeals', {
        body: anAppeal({ kind: 'callRequest', anonymous: true }),
      })
    ).body;
    const token = await t.token('operator');
    const first = await t.call('POST', `/api/staff/calls/${receipt.id}/accept`, { token });
    const second = await t.call('POST', `/api/staff/calls/${receipt.id}/accept`, { token });
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 409, body: { error: expect.stringContaining('taken') } });
  });

  it('refuses a citizen socket with a wrong token, and a signal before any operator accepted', async () => {
    const receipt = (
      await t.call<AppealReceipt>('POST', '/api/appeals', {
        body: anAppeal({ kind: 'callRequest', anonymous: true }),
      })
    ).body;
    await expect(openSocket(t.url, `appeal=${receipt.id}&citizenToken=wrong`)).rejects.toThrow('404');
    const citizen = await openSocket(t.url, `appeal=${receipt.id}&citizenToken=${receipt.citizenToken}`);
    // (A hang-up before acceptance is not refused: it withdraws the call, call-queue.test.ts.)
    citizen.send({ type: 'call.signal', appealId: receipt.id, signal: { kind: 'answer', sdp: 'v=0\r\n' } });
    expect(await citizen.next('error')).toMatchObject({ reason: expect.stringContaining('accepted') });
    citizen.send({ type: 'nonsense' });
    expect(await citizen.next('error', (m) => m.reason.includes('invalid'))).toBeTruthy();
    citizen.close();
  });
});
