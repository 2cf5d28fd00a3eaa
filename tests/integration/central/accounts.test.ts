import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { loginAs, postFrom } from '../../support/central/client';

let t: TestCentral;
let admin: string;
beforeAll(async () => {
  t = await startTestCentral();
  admin = await t.token('admin');
});
afterAll(() => t.close());

const anAccount = (overrides: Record<string, unknown> = {}) => ({
  login: `officer.${Math.random().toString(36).slice(2, 8)}`,
  password: 'correct horse battery',
  role: 'inspector',
  departmentId: 'kz-astana',
  displayName: 'Senior inspector, Astana',
  ...overrides,
});

describe('accounts and roles (§28)', () => {
  it('logs in with a short-lived access token and a refresh token, and rotates the refresh token', async () => {
    const login = await t.call<{
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
      account: { role: string };
    }>('POST', '/api/auth/login', { body: { login: 'operator', password: 'operator' } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ expiresIn: 900, account: { role: 'operator' } });
    const refreshed = await t.call<{ accessToken: string }>('POST', '/api/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect((await t.call('GET', '/api/departments', { token: refreshed.body.accessToken })).status).toBe(200);
    // A refresh token works once.
    expect(
      (await t.call('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status,
    ).toBe(401);
  });

  it('keeps the stored password out of every answer', async () => {
    const list = await t.call('GET', '/api/accounts', { token: admin });
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|password/i);
  });

  /** Wrong guesses from one address until central says wait (429), at most `max`; the answers in order. */
  async function guessUntilThrottled(from: string, login: string, max = 12) {
    const answers: Awaited<ReturnType<typeof postFrom>>[] = [];
    while (answers.length < max && answers.at(-1)?.status !== 429)
      answers.push(await postFrom(t.url, from, '/api/auth/login', { login, password: 'wrong guess' }));
    return answers;
  }

  it("slows a stranger's guesses without locking the officer out (issue 11 item 7)", async () => {
    const account = anAccount();
    expect((await t.call('POST', '/api/accounts', { token: admin, body: account })).status).toBe(201);
    const stranger = await guessUntilThrottled('127.0.0.66', account.login);
    expect(stranger.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401]);
    expect(stranger.at(-1)).toMatchObject({ status: 429, body: { code: 'auth.throttled' } });
    expect(Number(stranger.at(-1)?.retryAfter)).toBeGreaterThan(0);
    // The stranger still waits, even with the right password; the officer at their own desk does not.
    const fromStranger = await postFrom(t.url, '127.0.0.66', '/api/auth/login', {
      login: account.login,
      password: account.password,
    });
    expect(fromStranger.status).toBe(429);
    const officer = await postFrom(t.url, '127.0.0.1', '/api/auth/login', {
      login: account.login,
      password: account.password,
    });
    expect(officer.status).toBe(200);
    // Neither is the admin locked out by guesses at "admin".
    await guessUntilThrottled('127.0.0.67', 'admin');
    expect(
      (await postFrom(t.url, '127.0.0.1', '/api/auth/login', { login: 'admin', password: 'admin' })).status,
    ).toBe(200);
  });

  it('throttles guesses at a login that does not exist exactly like at one that does', async () => {
    const known = await guessUntilThrottled('127.0.0.68', 'operator');
    const unknown = await guessUntilThrottled('127.0.0.69', 'no.such.officer');
    expect(unknown.at(-1)).toMatchObject({ status: 429, body: { code: 'auth.throttled' } });
    expect(known.at(-1)).toMatchObject({ status: 429, body: { code: 'auth.throttled' } });
    expect(unknown[0]).toEqual(known[0]);
  });

  it('answers an unknown login exactly like a wrong password', async () => {
    const unknown = await t.call('POST', '/api/auth/login', { body: { login: 'nobody', password: 'x' } });
    const wrong = await t.call('POST', '/api/auth/login', { body: { login: 'operator', password: 'x' } });
    expect(unknown).toEqual(wrong);
  });

  it('creates, edits, disables and deletes an account, each change effective at once', async () => {
    const account = anAccount();
    const created = await t.call<{ id: string }>('POST', '/api/accounts', { token: admin, body: account });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await t.call('POST', '/api/accounts', { token: admin, body: account })).status).toBe(409);
    const token = await loginAs(t.call, account.login, account.password);
    expect((await t.call('GET', '/api/cards', { token })).status).toBe(200);

    // Made an employee: loses the card register at the next request, with the same token.
    const edited = await t.call('PATCH', `/api/accounts/${id}`, {
      token: admin,
      body: { role: 'employee', departmentId: 'kz-almaty' },
    });
    expect(edited).toMatchObject({ status: 200, body: { role: 'employee', departmentId: 'kz-almaty' } });
    expect((await t.call('GET', '/api/cards', { token })).status).toBe(403);

    expect(
      (await t.call('PATCH', `/api/accounts/${id}`, { token: admin, body: { disabled: true } })).status,
    ).toBe(200);
    expect((await t.call('GET', '/api/departments', { token })).status).toBe(401);
    expect(
      (
        await t.call('POST', '/api/auth/login', {
          body: { login: account.login, password: account.password },
        })
      ).status,
    ).toBe(403);

    expect((await t.call('DELETE', `/api/accounts/${id}`, { token: admin })).status).toBe(204);
    expect((await t.call('DELETE', `/api/accounts/${id}`, { token: admin })).status).toBe(404);
  });

  it('refuses weak passwords wherever one is set: short, common, built from the login (issue 11 item 7)', async () => {
    const refusal = async (body: Record<string, unknown>) =>
      (await t.call<{ code: string }>('POST', '/api/accounts', { token: admin, body: anAccount(body) })).body
        .code;
    expect(await refusal({ password: 'short' })).toBe('password.tooShort');
    expect(await refusal({ password: 'Almaty2024!!' })).toBe('password.common');
    expect(await refusal({ password: 'P@ssw0rd2024' })).toBe('password.common');
    expect(await refusal({ login: 'a.saparova', password: 'Saparova-1990-x' })).toBe(
      'password.containsLogin',
    );
    const created = await t.call<{ id: string; login: string }>('POST', '/api/accounts', {
      token: admin,
      body: anAccount(),
    });
    const reset = await t.call('PATCH', `/api/accounts/${created.body.id}`, {
      token: admin,
      body: { password: `${created.body.login}-2024` },
    });
    expect(reset).toMatchObject({ status: 400, body: { code: 'password.containsLogin' } });
  });

  it('refuses unknown departments and roles', async () => {
    expect(
      (
        await t.call('POST', '/api/accounts', {
          token: admin,
          body: anAccount({ departmentId: 'kz-nowhere' }),
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.call('POST', '/api/accounts', { token: admin, body: anAccount({ role: 'root' }) })).status,
    ).toBe(400);
  });

  it('does not let an admin lock themselves out', async () => {
    const me = (
      await t.call<{ accounts: { id: string; login: string }[] }>('GET', '/api/accounts', { token: admin })
    ).body.accounts.find((a) => a.login === 'admin');
    expect(
      (await t.call('PATCH', `/api/accounts/${me?.id}`, { token: admin, body: { disabled: true } })).status,
    ).toBe(409);
    expect((await t.call('DELETE', `/api/accounts/${me?.id}`, { token: admin })).status).toBe(409);
  });
});
