import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { REALTIME_CLOSE_CODES } from '../../../domain/contract/realtime';
import { anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { openSocket, postFrom } from '../../support/central/client';

/** Small limits, so each is crossed in a few requests; every 127.x.y.z is another client on the network. */
const LIMITS = {
  appealsPerAddress: 5,
  citizenPerAddress: 1000,
  citizenPerToken: 4,
  signInsPerAddress: 1000,
  signInsPerLoginAndAddress: 3,
  socketsPerAddress: 5,
  netProbesPerAddress: 3,
  socketMessageBurst: 10,
  socketMessagesPerSecond: 1,
  allow: ['127.0.0.50'],
};

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral({ rateLimits: LIMITS });
});
afterAll(() => t.close());

const healthy = async () => expect((await t.call('GET', '/health')).status).toBe(200);
const appealFrom = (address: string) =>
  postFrom(t.url, address, '/api/appeals', anAppeal({ anonymous: true }));

describe('a flood from one client is refused with rate.limited, everyone else is served (issue 11, item 4)', () => {
  it('new appeals, per client address', async () => {
    for (let i = 0; i < LIMITS.appealsPerAddress; i++)
      expect((await appealFrom('127.0.0.10')).status).toBe(201);
    const refused = await appealFrom('127.0.0.10');
    expect(refused).toMatchObject({
      status: 429,
      body: { code: 'rate.limited', params: { retryAfterSeconds: expect.any(Number) } },
    });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await appealFrom('127.0.0.11')).status).toBe(201);
    await healthy();
  });

  it("a channel gateway's address (CENTRAL_RATE_LIMIT_ALLOW) is not counted by address", async () => {
    for (let i = 0; i < LIMITS.appealsPerAddress + 3; i++)
      expect((await appealFrom('127.0.0.50')).status).toBe(201);
  });

  it("a citizen's requests, per citizen token", async () => {
    const mine = (await appealFrom('127.0.0.12')).body as unknown as AppealReceipt;
    const other = (await appealFrom('127.0.0.13')).body as unknown as AppealReceipt;
    const status = (a: AppealReceipt) =>
      t.call('GET', `/api/appeals/${a.id}`, { headers: { 'x-citizen-token': a.citizenToken } });
    for (let i = 0; i < LIMITS.citizenPerToken; i++) expect((await status(mine)).status).toBe(200);
    expect(await status(mine)).toMatchObject({ status: 429, body: { code: 'rate.limited' } });
    const chat = await t.call('POST', `/api/appeals/${mine.id}/messages`, {
      body: { text: 'ещё раз' },
      headers: { 'x-citizen-token': mine.citizenToken },
    });
    expect(chat).toMatchObject({ status: 429, body: { code: 'rate.limited' } });
    expect((await status(other)).status).toBe(200);
  });

  it('sign-ins, per login and address: the flooder waits, the officer elsewhere signs in', async () => {
    const signIn = (address: string) =>
      postFrom(t.url, address, '/api/auth/login', { login: 'duty', password: 'duty' });
    for (let i = 0; i < LIMITS.signInsPerLoginAndAddress; i++)
      expect((await signIn('127.0.0.66')).status).toBe(200);
    expect(await signIn('127.0.0.66')).toMatchObject({ status: 429, body: { code: 'rate.limited' } });
    expect((await signIn('127.0.0.1')).status).toBe(200);
    // Another login from the flooding address is its own count.
    const other = await postFrom(t.url, '127.0.0.66', '/api/auth/login', { login: 'head', password: 'head' });
    expect(other.status).toBe(200);
  });

  it('sockets opened, per client address', async () => {
    const token = await t.token('operator');
    /** Opens a socket from `address`; answers the status of a refused upgrade, or 101. */
    const open = (address: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${t.url.replace('http', 'ws')}/ws?token=${token}`, {
          localAddress: address,
        });
        ws.once('open', () => {
          ws.close();
          resolve(101);
        });
        ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        ws.once('error', reject);
      });
    for (let i = 0; i < LIMITS.socketsPerAddress; i++) expect(await open('127.0.0.15')).toBe(101);
    expect(await open('127.0.0.15')).toBe(429);
    expect(await open('127.0.0.16')).toBe(101);
  });

  it('the network probe: transfers for signed-in workstations only, and a few per address', async () => {
    const token = await t.token('operator');
    expect(await t.call('GET', '/api/net/download?bytes=1024')).toMatchObject({
      status: 401,
      body: { code: 'auth.required' },
    });
    expect((await t.call('GET', '/api/net/download?bytes=1024', { token })).status).toBe(200);
    const upload = await t.call('POST', '/api/net/upload', {
      token,
      raw: Buffer.alloc(1024),
      contentType: 'application/octet-stream',
    });
    expect(upload).toMatchObject({ status: 200, body: { bytes: 1024 } });
    expect(await t.call('GET', '/api/net/download?bytes=1024', { token })).toMatchObject({
      status: 429,
      body: { code: 'rate.limited' },
    });
    await healthy();
  });
});

describe('each socket has a message budget (issue 11, item 4)', () => {
  it('a citizen socket flooding pings is told rate.limited and closed; central keeps serving', async () => {
    const appeal = (await appealFrom('127.0.0.14')).body as unknown as AppealReceipt;
    const socket = await openSocket(t.url, `appeal=${appeal.id}&citizenToken=${appeal.citizenToken}`);
    const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
    for (let i = 0; i < 1000; i++) socket.send({ type: 'ping' });
    expect(await socket.next('error')).toMatchObject({
      code: 'rate.limited',
      params: { retryAfterSeconds: expect.any(Number) },
    });
    expect(await closed).toBe(REALTIME_CLOSE_CODES.tooManyMessages);
    expect(socket.messages.filter((m) => m.type === 'pong').length).toBeLessThanOrEqual(
      LIMITS.socketMessageBurst,
    );
    await healthy();
  });

  it("repeating the same presence reaches the territory's consoles once", async () => {
    const watcher = await openSocket(t.url, `token=${await t.token('supervisor')}`);
    const operator = await openSocket(t.url, `token=${await t.token('operator')}`);
    try {
      for (let i = 0; i < 5; i++) operator.send({ type: 'presence.set', status: 'busy' });
      operator.send({ type: 'presence.set', status: 'away' });
      const away = await watcher.next('presence', (m) => m.status === 'away');
      const busy = watcher.messages.filter(
        (m) => m.type === 'presence' && m.accountId === away.accountId && m.status === 'busy',
      );
      expect(busy).toHaveLength(1);
    } finally {
      watcher.close();
      operator.close();
    }
  });
});
