import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleLockOf } from '../../main/config';
import type { ConfigSource } from '../../main/config';
import { createCentralClient } from '../../main/central/client';
import { createSessionService } from '../../main/session/session';
import { createOfflineAccounts } from '../../main/store/offlineAccounts';
import type { Role } from '../../domain/session/roles';
import { startTestCentral, type TestCentral } from '../support/central/central';
import { aConsoleStore } from '../support/consoleStore';
import { tempDir } from '../support/tempDir';
import { waitFor } from '../support/waitFor';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("IT's role lock (§28): which layer's `role` locks the workstation", () => {
  it.each<{ source: ConfigSource; lock: Role | null }>([
    { source: 'policy', lock: 'duty' },
    { source: 'machine', lock: 'duty' },
    { source: 'user', lock: null },
    { source: 'environment', lock: null },
    { source: 'default', lock: null },
  ])('role from $source → lock $lock', ({ source, lock }) => {
    expect(roleLockOf({ values: [{ field: 'role', value: 'duty', source }] })).toBe(lock);
  });
});

describe('sign-in at a locked workstation, and an account ended on central', () => {
  let t: TestCentral;
  const dir = tempDir();
  beforeAll(async () => {
    t = await startTestCentral();
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });
  const sessionAt = (roleLock: Role | null, client = createCentralClient(t.url)) =>
    createSessionService({
      client,
      offline: createOfflineAccounts(aConsoleStore(dir.dir).db),
      maxOfflineAgeMs: 3_600_000,
      roleLock,
      now: () => new Date(),
      log: silent,
    });
  /** A session on the real client, watched: the test keeps the tokens central answered the sign-in with. */
  const watchedSessionAt = (roleLock: Role | null) => {
    const real = createCentralClient(t.url);
    let given: { accessToken: string; refreshToken: string } | null = null;
    const session = sessionAt(roleLock, {
      ...real,
      async anonymous(route, input) {
        const answer = await real.anonymous(route, input);
        if (route === 'POST /api/auth/login' && answer.ok) given = answer.value as NonNullable<typeof given>;
        return answer;
      },
    });
    return {
      session,
      given: () => {
        if (!given) throw new Error('central did not answer the sign-in');
        return given;
      },
    };
  };

  it('refuses an account of another role with its own reason, and signs in one of the locked role', async () => {
    const session = sessionAt('operator');
    expect(await session.signIn({ login: 'inspector', password: 'inspector' })).toEqual({
      ok: false,
      refusal: 'roleLocked',
    });
    expect(session.current()).toBeNull();
    expect(await session.accessToken()).toBeNull();
    expect(await session.signIn({ login: 'operator', password: 'operator' })).toMatchObject({
      ok: true,
      session: { role: 'operator' },
    });
  });

  it('ends on central the session a refused account was just given: its tokens open nothing', async () => {
    const { session, given } = watchedSessionAt('operator');
    expect(await session.signIn({ login: 'inspector', password: 'inspector' })).toEqual({
      ok: false,
      refusal: 'roleLocked',
    });
    const tokens = given();
    const read = await t.call('GET', '/api/departments', { token: tokens.accessToken });
    expect(read.status).toBe(401);
    expect(read.body).toMatchObject({ code: 'auth.sessionEnded' });
    const refreshed = await t.call('POST', '/api/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(401);
  });

  it('ends the session on central when the operator signs out: its tokens open nothing', async () => {
    const { session, given } = watchedSessionAt(null);
    await session.signIn({ login: 'operator', password: 'operator' });
    const tokens = given();
    expect((await t.call('GET', '/api/departments', { token: tokens.accessToken })).status).toBe(200);
    session.signOut();
    expect(session.current()).toBeNull();
    await waitFor(
      async () => (await t.call('GET', '/api/departments', { token: tokens.accessToken })).status === 401,
    );
    const refreshed = await t.call('POST', '/api/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(401);
  });

  it('signs the console out as soon as central refuses to refresh its session (account disabled)', async () => {
    const admin = await t.token('admin');
    const created = await t.call<{ id: string }>('POST', '/api/accounts', {
      token: admin,
      body: {
        login: 'soon.disabled',
        password: 'a long and honest passphrase',
        role: 'operator',
        departmentId: 'kz-almaty',
        displayName: 'Оператор',
      },
    });
    const session = sessionAt(null);
    await session.signIn({ login: 'soon.disabled', password: 'a long and honest passphrase' });
    expect(session.current()?.mode).toBe('online');
    await t.call('PATCH', `/api/accounts/${created.body.id}`, { token: admin, body: { disabled: true } });
    // What the realtime link does when central closes its socket with "session revoked".
    session.refused();
    expect(await session.accessToken()).toBeNull();
    await waitFor(() => session.current() === null);
  });
});
