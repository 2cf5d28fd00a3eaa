import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { type QualityWindow, summariseQuality } from '../../../domain/calls/callQuality';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { aSecondOperator } from '../../support/central/secondOperator';
import { openSocket } from '../../support/central/client';

/** A 5-second window of figures as the operator's console reports it. */
const aWindow = (at: string, rtt: number, bitrateKbps: number, lossPercent = 0.4): QualityWindow => ({
  at,
  rttMs: { min: rtt - 2, avg: rtt, max: rtt + 5 },
  lossPercent,
  bitrateKbps,
  framesDecoded: 140,
});

/** The quality figures of a call on central (issue 13.4): written by the call's operator, read with its recordings. */
describe('call quality figures', () => {
  let t: TestCentral;
  let call: AppealReceipt;
  let operator: string;
  let secondOperator: string;
  let cardId: string;
  const sockets: Awaited<ReturnType<typeof openSocket>>[] = [];
  const windows = [
    aWindow('2026-11-30T10:00:00.000Z', 40, 900),
    aWindow('2026-11-30T10:00:05.000Z', 120, 300, 3.5),
  ];
  const report = (token: string, id: string, body: unknown) =>
    t.call<Record<string, unknown>>('PUT', `/api/staff/calls/${id}/quality`, { token, body });

  beforeAll(async () => {
    t = await startTestCentral({ pglite: true });
    operator = await t.token('operator');
    secondOperator = await aSecondOperator(t);
    call = (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ kind: 'callRequest' }) }))
      .body;
    const socket = await openSocket(t.url, `token=${operator}`);
    const citizen = await openSocket(t.url, `appeal=${call.id}&citizenToken=${call.citizenToken}`);
    sockets.push(socket, citizen);
    socket.send({ type: 'call.accept', appealId: call.id });
    await citizen.next('appeal.status', (m) => m.status === 'inProgress');
    const create = aCardCreate(aFilledCard({ appealId: call.id }));
    cardId = create.cardId;
    const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: operator,
      body: { operations: [create] },
    });
    expect(pushed.body.results[0]?.status).toBe('applied');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it("are stored from the call's operator, each window once however often it is sent", async () => {
    const first = await report(operator, call.id, { windows });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ stored: 2 });
    const again = await report(operator, call.id, {
      windows: [...windows, aWindow('2026-11-30T10:00:10.000Z', 60, 700)],
    });
    expect(again.body).toEqual({ stored: 1 });
  });

  it('are refused from another operator, from a role that takes no calls, and for a call that is not there', async () => {
    const other = await report(secondOperator, call.id, { windows });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'call.notYours' });
    const supervisor = await report(await t.token('supervisor'), call.id, { windows });
    expect(supervisor.status).toBe(403);
    expect(supervisor.body).toMatchObject({ code: 'role.forbidden' });
    const unknown = await report(operator, '019a0000-0000-7000-8000-000000000000', { windows });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'call.notFound' });
  });

  it('refuses figures that cannot be a measurement', async () => {
    for (const bad of [
      { windows: [] },
      { windows: [{ ...windows[0], lossPercent: 150 }] },
      { windows: [{ ...windows[0], framesDecoded: -1 }] },
      { windows: [{ ...windows[0], applicant: 'Иванов' }] },
    ]) {
      const r = await report(operator, call.id, bad);
      expect(r.status).toBe(400);
    }
  });

  it('are shown to the supervisor with the card’s recordings, summed over the call, and to no other role', async () => {
    const supervisor = await t.call<{ callQuality: unknown }>('GET', `/api/cards/${cardId}/recordings`, {
      token: await t.token('supervisor'),
    });
    expect(supervisor.status).toBe(200);
    const stored = [...windows, aWindow('2026-11-30T10:00:10.000Z', 60, 700)];
    expect(supervisor.body.callQuality).toEqual(summariseQuality(stored));
    expect(supervisor.body.callQuality).toMatchObject({
      windows: 3,
      rttMs: { min: 38, avg: 73, max: 125 },
      lossPercentMax: 3.5,
      bitrateKbps: { min: 300, avg: 633, max: 900 },
      framesDecoded: 420,
    });
    const asOperator = await t.call<{ callQuality: unknown }>('GET', `/api/cards/${cardId}/recordings`, {
      token: operator,
    });
    expect(asOperator.body.callQuality).toBeNull();
  });
});
