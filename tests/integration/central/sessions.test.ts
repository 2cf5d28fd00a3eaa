import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { REALTIME_CLOSE_CODES } from '../../../domain/contract/realtime';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { openSocket } from '../../support/central/client';

let t: TestCentral;
let admin: string;
beforeAll(async () => {
  t = await startTestCentral();
  admin = await t.token('admin');
});
afterAll(() => t.close());

interface Pair {
  accessToken: string;
  refreshToken: string;
}

/** A fresh operator of Almaty, signed in. */
async function anOperator() {
  const login = `operator.${Math.random().toString(36).slice(2, 8)}`;
  const password = 'steppe eagle over the river';
  const created = await t.call<{ id: string }>('POST', '/api/accounts', {
    token: admin,
    body: { login, password, role: 'operator', departmentId: 'kz-almaty', displayName: 'Operator, Almaty' },
  });
  expect(created.status).toBe(201);
  const signIn = async () => {
    const r = await t.call<Pair>('POST', '/api/auth/login', { body: { login, password } });
    expect(r.status).toBe(200);
    return r.body;
  };
  return { id: created.body.id, signIn };
}

const refresh = (pair: Pair) =>
  t.call<Pair>('POST', '/api/auth/refresh', { body: { refreshToken: pair.refreshToken } });
const works = async (pair: Pair) =>
  (await t.call('GET', '/api/departments', { token: pair.accessToken })).status;
const closeCode = (ws: WebSocket) =>
  new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('sessions end when they should, at once (issue 11 item 7)', () => {
  it('reusing a rotated refresh token ends its whole chain, access tokens included, and only that chain', async () => {
    const officer = await anOperator();
    const first = await officer.signIn();
    const elsewhere = await officer.signIn();
    const second = (await refresh(first)).body;
    expect(await works(second)).toBe(200);

    const replay = await refresh(first);
    expect(replay).toMatchObject({ status: 401, body: { code: 'auth.sessionEnded' } });
    expect((await refresh(second)).status).toBe(401);
    expect(await works(second)).toBe(401);
    expect(await works(first)).toBe(401);
    // The same officer signed in at another workstation is not part of that chain.
    expect(await works(elsewhere)).toBe(200);
  });

  it('a password reset ends every session and closes its sockets at once', async () => {
    const officer = await anOperator();
    const pair = await officer.signIn();
    const other = await officer.signIn();
    const socket = await openSocket(t.url, `token=${pair.accessToken}`);
    await socket.next('hello');
    const closed = closeCode(socket.ws);

    const reset = await t.call('PATCH', `/api/accounts/${officer.id}`, {
      token: admin,
      body: { password: 'a brand new long passphrase' },
    });
    expect(reset.status).toBe(200);
    expect(await closed).toBe(REALTIME_CLOSE_CODES.sessionRevoked);
    expect(await works(pair)).toBe(401);
    expect(await works(other)).toBe(401);
    expect((await refresh(other)).status).toBe(401);
    await expect(openSocket(t.url, `token=${pair.accessToken}`)).rejects.toThrow(/401/);
  });

  it('disabling an account closes its sockets at once', async () => {
    const officer = await anOperator();
    const pair = await officer.signIn();
    const socket = await openSocket(t.url, `token=${pair.accessToken}`);
    await socket.next('hello');
    const closed = closeCode(socket.ws);
    expect(
      (await t.call('PATCH', `/api/accounts/${officer.id}`, { token: admin, body: { disabled: true } }))
        .status,
    ).toBe(200);
    expect(await closed).toBe(REALTIME_CLOSE_CODES.sessionRevoked);
    expect(await works(pair)).toBe(401);
  });

  it('a new role or department makes open sockets reconnect, to be filtered anew', async () => {
    const officer = await anOperator();
    const pair = await officer.signIn();
    const socket = await openSocket(t.url, `token=${pair.accessToken}`);
    await socket.next('hello');
    const closed = closeCode(socket.ws);
    const moved = await t.call('PATCH', `/api/accounts/${officer.id}`, {
      token: admin,
      body: { departmentId: 'kz-astana' },
    });
    expect(moved.status).toBe(200);
    expect(await closed).toBe(REALTIME_CLOSE_CODES.accountChanged);
    // The session itself stands: the console reconnects with the same token.
    expect(await works(pair)).toBe(200);
  });
});
