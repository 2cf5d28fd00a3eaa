import { createHash } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncOperation, SyncOpResult } from '../../../domain/sync/sync';
import {
  aCardCreate,
  aCardUpdate,
  aFilledCard,
  anAppeal,
  aTransition,
  PLACES,
} from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

/**
 * Issue 11 item 6: every write checks the territory of everything it touches. The demo's supervisor
 * works in Almaty; Astana is another region.
 */
describe('writes stay inside the territory of the account', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral();
  });
  afterAll(() => t.close());

  async function push(login: string, operations: SyncOperation[]): Promise<SyncOpResult[]> {
    const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token(login),
      body: { operations },
    });
    expect(r.status).toBe(200);
    return r.body.results;
  }

  async function anAppealIn(place: { lat: number; lon: number }) {
    const r = await t.call<{ id: string; citizenToken: string; departmentId: string | null }>(
      'POST',
      '/api/appeals',
      { body: anAppeal({ location: place }) },
    );
    expect(r.status).toBe(201);
    return r.body;
  }

  const citizenSees = async (appeal: { id: string; citizenToken: string }) =>
    (
      await t.call<{ status: string }>('GET', `/api/appeals/${appeal.id}`, {
        headers: { 'x-citizen-token': appeal.citizenToken },
      })
    ).body.status;

  it("refuses a card linked to another region's appeal, and that citizen is told nothing", async () => {
    const astana = await anAppealIn(PLACES.astana);
    const create = aCardCreate(aFilledCard({ appealId: astana.id }));
    const [created] = await push('supervisor', [create]);
    expect(created).toMatchObject({ status: 'rejected', code: 'appeal.notFound' });

    // Nor may an existing card of the supervisor's be linked to it afterwards.
    const own = aCardCreate(aFilledCard());
    const [linked] = await push('supervisor', [own, aCardUpdate(own.cardId, { appealId: astana.id })]).then(
      (r) => r.slice(1),
    );
    expect(linked).toMatchObject({ status: 'rejected', code: 'appeal.notFound' });
    // So nothing the supervisor does next with the card reaches the other region's citizen.
    await push('supervisor', [aTransition(own.cardId, 'forwardToService')]);
    expect(await citizenSees(astana)).toBe('registered');
  });

  it("links a card to an appeal of the account's own territory and tells that citizen", async () => {
    const almaty = await anAppealIn(PLACES.almatyCentre);
    const create = aCardCreate(aFilledCard({ appealId: almaty.id }));
    const results = await push('operator', [create, aTransition(create.cardId, 'sendToInspector')]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await citizenSees(almaty)).toBe('sentToPolice');
  });

  it('refuses a card linked to an appeal that does not exist', async () => {
    const [created] = await push('operator', [aCardCreate(aFilledCard({ appealId: uuidv4() }))]);
    expect(created).toMatchObject({ status: 'rejected', code: 'appeal.notFound' });
  });

  describe('uploads of card files', () => {
    const BYTES = Buffer.from('a call recording, in short');
    const declare = (cardId: string) => ({
      id: uuidv4(),
      cardId,
      kind: 'recording',
      size: BYTES.length,
      chunkSize: BYTES.length,
      sha256: createHash('sha256').update(BYTES).digest('hex'),
    });
    const post = async (login: string, body: unknown) =>
      t.call<{ code?: string }>('POST', '/api/uploads', { token: await t.token(login), body });

    it('refuses a declaration for a card that does not exist', async () => {
      const r = await post('operator', declare(uuidv4()));
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('card.notFound');
    });

    it("refuses a declaration for a card outside the account's territory, and hides another's upload", async () => {
      // The operator's card in Astana: the operator created it, the Almaty supervisor may not touch it.
      const astanaCard = aCardCreate(aFilledCard({ location: { ...PLACES.astana, source: 'map' } }));
      expect((await push('operator', [astanaCard]))[0]?.status).toBe('applied');
      const refused = await post('supervisor', declare(astanaCard.cardId));
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('card.notFound');

      const upload = declare(astanaCard.cardId);
      expect((await post('operator', upload)).status).toBe(200);
      const supervisor = await t.token('supervisor');
      expect((await t.call('GET', `/api/uploads/${upload.id}`, { token: supervisor })).status).toBe(404);
      expect(
        (
          await t.call('PUT', `/api/uploads/${upload.id}/chunks/0`, {
            token: supervisor,
            raw: BYTES,
            contentType: 'application/octet-stream',
          })
        ).status,
      ).toBe(404);
      // Declaring the same id again over another's card does not reveal it either.
      expect((await post('supervisor', upload)).status).toBe(404);
      const own = await t.call<{ nextChunk: number }>('GET', `/api/uploads/${upload.id}`, {
        token: await t.token('operator'),
      });
      expect(own.body.nextChunk).toBe(0);
    });
  });
});
