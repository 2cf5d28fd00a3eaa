import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../main/central/client';
import { type TestCentral, startTestCentral } from '../support/central/central';

describe("main's one client to central (main/central/client.ts)", () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startTestCentral({ pglite: true });
  }, 180_000);
  afterAll(() => central.close());

  it('answers a refused token with one fresh token and one retry', async () => {
    const good = await central.token('operator');
    let refused = 0;
    const calls = createCentralClient(central.url).signedIn({
      accessToken: async () => (refused === 0 ? 'expired-token' : good),
      refused: () => refused++,
    });
    const answer = await calls.call('GET /api/sync/pull', { query: { since: 0, limit: 10 } });
    expect(answer).toMatchObject({
      ok: true,
      value: { cursor: expect.any(Number), hasMore: expect.any(Boolean) },
    });
    expect(refused).toBe(1);
  });

  it('retries a refused token only once', async () => {
    let refused = 0;
    const calls = createCentralClient(central.url).signedIn({
      accessToken: async () => 'forged-token',
      refused: () => refused++,
    });
    const answer = await calls.call('GET /api/sync/pull', { query: { since: 0, limit: 10 } });
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'http', status: 401 } });
    expect(refused).toBe(1);
  });

  it("reads central's refusal, code and parameters, from an error answer", async () => {
    const token = await central.token('operator');
    const calls = createCentralClient(central.url).signedIn({
      accessToken: async () => token,
      refused: () => undefined,
    });
    const answer = await calls.call('GET /api/cards/:id', {
      params: { id: '0190a000-0000-7000-8000-000000000000' },
    });
    expect(answer).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 404, refusal: { code: 'card.notFound', params: {} } },
    });
  });

  it('says signed out without calling central when there is no token', async () => {
    const calls = createCentralClient(central.url).signedIn({
      accessToken: async () => null,
      refused: () => undefined,
    });
    expect(await calls.call('GET /api/departments', {})).toMatchObject({
      ok: false,
      failure: { kind: 'signedOut' },
    });
  });

  it('a central that does not answer is a network failure, to retry later', async () => {
    const nobody = createCentralClient('http://127.0.0.1:9', { timeoutMs: 2_000 });
    expect(
      await nobody.anonymous('POST /api/auth/login', { body: { login: 'x', password: 'y' } }),
    ).toMatchObject({
      ok: false,
      failure: { kind: 'network' },
    });
  });
});
