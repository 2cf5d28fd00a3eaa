import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncOperation, SyncOpResult } from '../../../domain/sync/sync';
import type { CentralOptions } from '../../../central/server';
import { aCardCreate, aCardUpdate, aChatLine, aFilledCard, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { POSTGRES_SKIP_REASON, postgresReachable } from '../../support/central/postgres';

/**
 * Issue 11 item 3 (central's side) and item 10: an operation central cannot store is rejected on its own
 * and the rest of its batch is stored; an operation id another account used first is a conflict.
 */
function badOperationsSuite(options: CentralOptions & { pglite?: boolean }) {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral(options);
  });
  afterAll(() => t.close());

  async function push(operations: SyncOperation[], login = 'operator') {
    const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token(login),
      body: { operations },
    });
    expect(r.status).toBe(200);
    return r.body.results;
  }
  const exists = async (cardId: string) =>
    (await t.call('GET', `/api/cards/${cardId}`, { token: await t.token('operator') })).status === 200;

  it('rejects each operation PostgreSQL cannot store and stores the valid ones of the same batch', async () => {
    const appeal = await t.call<{ id: string }>('POST', '/api/appeals', { body: anAppeal() });
    const first = aCardCreate(aFilledCard());
    const withNul = aCardCreate(aFilledCard({ description: 'драка у подъезда\u0000' }));
    const withLoneSurrogate = aCardCreate(aFilledCard({ description: 'драка \ud800 у подъезда' }));
    const last = aCardCreate(aFilledCard());
    const batch = [
      first,
      withNul,
      withLoneSurrogate,
      last,
      aCardUpdate(first.cardId, { description: 'уточнено\u0000' }),
      aChatLine(first.cardId, appeal.body.id, 'Здравствуйте\u0000'),
      aCardUpdate(first.cardId, { description: 'уточнено' }),
    ];
    const answers = [
      'applied',
      'op.unstorable',
      'op.unstorable',
      'applied',
      'op.unstorable',
      'op.unstorable',
      'applied',
    ];
    const results = await push(batch);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(answers);
    expect(results[1]).toMatchObject({ id: withNul.id, params: {}, reason: expect.any(String) });
    expect([await exists(first.cardId), await exists(withNul.cardId), await exists(last.cardId)]).toEqual([
      true,
      false,
      true,
    ]);
    const card = await t.call<{ card: { description: string; version: number } }>(
      'GET',
      `/api/cards/${first.cardId}`,
      { token: await t.token('operator') },
    );
    expect(card.body.card.description).toBe('уточнено');

    // A rejection is final: the same batch again answers each as before (the stored ones as duplicates; the
    // text no database can store is refused again as it is read, before it could be stored).
    const again = await push(batch);
    expect(
      again.map((r) =>
        r.status === 'duplicate'
          ? (r.original.code ?? r.original.status)
          : r.status === 'rejected'
            ? r.code
            : r.status,
      ),
    ).toEqual(answers);
  });

  it('answers a single bad operation with its rejection, never a 500', async () => {
    const [only] = await push([aCardCreate(aFilledCard({ addressText: '\u0000' }))]);
    expect(only).toMatchObject({ status: 'rejected', code: 'op.unstorable' });
  });

  it("rejects an operation id another account used first as a conflict, and keeps the first account's answer", async () => {
    const create = aCardCreate(aFilledCard());
    expect((await push([create]))[0]?.status).toBe('applied');
    const reused: SyncOperation = { ...aCardCreate(aFilledCard()), id: create.id };
    const [second] = await push([reused], 'supervisor');
    expect(second).toMatchObject({ id: create.id, status: 'rejected', code: 'op.conflict', params: {} });
    expect(second).not.toHaveProperty('original');
    expect(await exists(reused.cardId)).toBe(false);
    const [repeat] = await push([create]);
    expect(repeat).toMatchObject({ status: 'duplicate', original: { status: 'applied' } });
    // Within one batch too: a fresh id the second account sends is applied beside the conflict.
    const fresh = { ...aCardCreate(aFilledCard()), id: uuidv7() };
    expect((await push([reused, fresh], 'supervisor')).map((r) => r.status)).toEqual(['rejected', 'applied']);
  });
}

describe('bad operations in a push, on PGlite', () => badOperationsSuite({ pglite: true }));

describe.skipIf(!postgresReachable)(
  `bad operations in a push, on PostgreSQL${postgresReachable ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  () => badOperationsSuite({}),
);
