import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import type { CardRecording } from '../../../domain/files/recording';
import type { SyncOperation, SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, anAppeal, aRecordingMeta, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { loginAs } from '../../support/central/client';

let t: TestCentral;
let almatyCard: string;
let astanaOperator: string;

async function push(token: string, operations: SyncOperation[]): Promise<SyncOpResult[]> {
  const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
    token,
    body: { operations },
  });
  expect(r.status).toBe(200);
  return r.body.results;
}

async function recordingsOf(cardId: string): Promise<CardRecording[]> {
  const r = await t.call<{ recordings: CardRecording[] }>('GET', `/api/cards/${cardId}/recordings`, {
    token: await t.token('supervisor'),
  });
  expect(r.status).toBe(200);
  return r.body.recordings;
}

beforeAll(async () => {
  t = await startTestCentral({ pglite: true });
  const create = aCardCreate(aFilledCard({ location: { ...PLACES.almatyCentre, source: 'map' } }));
  almatyCard = create.cardId;
  expect((await push(await t.token('operator'), [create]))[0]?.status).toBe('applied');
  const created = await t.call('POST', '/api/accounts', {
    token: await t.token('admin'),
    body: {
      login: 'operator.astana',
      password: 'steppe eagle over the river',
      role: 'operator',
      departmentId: 'kz-astana',
      displayName: 'Astana operator',
    },
  });
  expect(created.status).toBe(201);
  astanaOperator = await loginAs(t.call, 'operator.astana', 'steppe eagle over the river');
});
afterAll(() => t.close());

describe('call recording metadata (recording.meta) on PGlite', () => {
  it('is stored once with what the console declared, and a repeat is answered duplicate with the original result', async () => {
    const op = aRecordingMeta(almatyCard);
    const [first] = await push(await t.token('operator'), [op]);
    expect(first).toMatchObject({ id: op.id, status: 'applied', card: null });
    const [again] = await push(await t.token('operator'), [op]);
    expect(again).toMatchObject({
      id: op.id,
      status: 'duplicate',
      original: { status: 'applied', seq: first?.status === 'applied' ? first.seq : -1, reason: null },
    });
    const stored = (await recordingsOf(almatyCard)).filter(
      (r) => r.fileId === (op.type === 'recording.meta' ? op.payload.fileId : ''),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ ...op.payload, cardId: almatyCard });
  });

  it('applies a batch pushed from two connections at once exactly once', async () => {
    const batch = Array.from({ length: 5 }, () => aRecordingMeta(almatyCard));
    const token = await t.token('operator');
    const [a, b] = await Promise.all([push(token, batch), push(token, batch)]);
    expect(batch.map((_, i) => [a[i]?.status, b[i]?.status].filter((s) => s === 'applied').length)).toEqual(
      Array(5).fill(1),
    );
    const ids = (await recordingsOf(almatyCard)).map((r) => r.fileId);
    for (const op of batch)
      if (op.type === 'recording.meta') expect(ids.filter((id) => id === op.payload.fileId)).toHaveLength(1);
  });

  it('refuses a second registration of the same file under another operation', async () => {
    const op = aRecordingMeta(almatyCard);
    await push(await t.token('operator'), [op]);
    const again = aRecordingMeta(
      almatyCard,
      op.type === 'recording.meta' ? { fileId: op.payload.fileId } : {},
    );
    expect((await push(await t.token('operator'), [again]))[0]).toMatchObject({
      status: 'rejected',
      code: 'recording.exists',
      reason: 'a recording with this file id is already registered',
    });
  });

  it('refuses a role that does not take calls, and stores nothing', async () => {
    const before = await recordingsOf(almatyCard);
    const [result] = await push(await t.token('inspector'), [aRecordingMeta(almatyCard)]);
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'role.forbidden',
      params: { role: 'inspector', action: 'calls.accept' },
    });
    expect(await recordingsOf(almatyCard)).toEqual(before);
  });

  it('refuses an operator of another territory (§8), and stores nothing', async () => {
    const before = await recordingsOf(almatyCard);
    const [result] = await push(astanaOperator, [aRecordingMeta(almatyCard)]);
    expect(result).toMatchObject({ status: 'rejected', code: 'card.otherTerritory', params: {} });
    expect(await recordingsOf(almatyCard)).toEqual(before);
  });

  it('refuses a recording of a card central does not have', async () => {
    const [result] = await push(await t.token('operator'), [aRecordingMeta(aCardCreate().cardId)]);
    expect(result).toMatchObject({ status: 'rejected', code: 'card.notFound', params: {} });
  });

  it('refuses metadata that is not a recording, before anything is applied', async () => {
    const bad = aRecordingMeta(almatyCard, { mimeType: 'text/html' });
    const r = await t.call('POST', '/api/sync/push', {
      token: await t.token('operator'),
      body: { operations: [bad] },
    });
    expect(r.status).toBe(400);
  });

  it("lists a card's recordings only inside the reader's territory", async () => {
    const r = await t.call('GET', `/api/cards/${almatyCard}/recordings`, { token: astanaOperator });
    expect(r.status).toBe(404);
  });
});

describe('a call recorded in parts (a window reloaded during the call, issue 13 items 5, 6)', () => {
  let callCard: string;
  let appealId: string;
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 10, 0, seconds)).toISOString();

  beforeAll(async () => {
    appealId = (
      await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ kind: 'callRequest' }) })
    ).body.id;
    const create = aCardCreate(aFilledCard({ appealId }));
    callCard = create.cardId;
    expect((await push(await t.token('operator'), [create]))[0]?.status).toBe('applied');
  });

  it('lists the parts of one call together and in order, whichever reached central first', async () => {
    const earlier = aRecordingMeta(callCard, { startedAt: at(0), durationMs: 30_000 });
    const part2 = aRecordingMeta(callCard, {
      startedAt: at(40),
      durationMs: 20_000,
      callPart: { appealId, part: 2 },
    });
    const part1 = aRecordingMeta(callCard, {
      startedAt: at(5),
      durationMs: 31_000,
      callPart: { appealId, part: 1 },
    });
    // Part 2 is finished at hang-up; part 1 may reach central after it (queued when the rejoined window began).
    for (const op of [earlier, part2, part1])
      expect((await push(await t.token('operator'), [op]))[0]?.status).toBe('applied');
    const listed = await recordingsOf(callCard);
    expect(listed.map((r) => [r.startedAt, r.callPart])).toEqual([
      // Registered before parts were numbered: a call of its own, first by its start.
      [at(0), null],
      [at(5), { appealId, part: 1 }],
      [at(40), { appealId, part: 2 }],
    ]);
  });

  it('refuses a part of another call than the card’s, and stores nothing', async () => {
    const before = await recordingsOf(callCard);
    const other = (
      await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ kind: 'callRequest' }) })
    ).body.id;
    const [result] = await push(await t.token('operator'), [
      aRecordingMeta(callCard, { callPart: { appealId: other, part: 1 } }),
    ]);
    expect(result).toMatchObject({ status: 'rejected', code: 'recording.otherCall', params: {} });
    expect(await recordingsOf(callCard)).toEqual(before);
  });
});
