import { afterEach, describe, expect, it } from 'vitest';
import { createSessionService } from '../../main/session/session';
import { createOfflineAccounts } from '../../main/store/offlineAccounts';
import { createCentralClient } from '../../main/central/client';
import { aConsoleBehindProxy } from '../support/sync/consoleBehindProxy';
import { portOf } from '../support/sync/testConsole';
import { waitFor } from '../support/waitFor';

describe('sign-in at the console', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('signs in offline only an account that signed in online on this workstation before, and goes online when central returns', async () => {
    const { central, proxy, desk } = await aConsoleBehindProxy(cleanups);
    const session = desk.sync.session;

    expect(await session.signIn({ login: 'operator', password: 'wrong' })).toEqual({
      ok: false,
      refusal: 'wrongCredentials',
    });
    const online = await session.signIn({ login: 'operator', password: 'operator' });
    expect(online).toMatchObject({
      ok: true,
      session: { login: 'operator', role: 'operator', departmentId: 'kz-almaty', mode: 'online' },
    });
    session.signOut();
    expect(session.current()).toBeNull();

    proxy.setTarget(null);
    proxy.dropAll();
    expect(await session.signIn({ login: 'inspector', password: 'inspector' })).toEqual({
      ok: false,
      refusal: 'offlineUnknownAccount',
    });
    expect(await session.signIn({ login: 'operator', password: 'not-it' })).toEqual({
      ok: false,
      refusal: 'wrongCredentials',
    });
    expect(await session.signIn({ login: 'operator', password: 'operator' })).toMatchObject({
      ok: true,
      session: { mode: 'offline' },
    });
    const card = desk.cards.saveDraft({
      description: 'typed while central was away',
      category: null,
      location: null,
    });

    proxy.setTarget(portOf(central.url));
    desk.sync.syncNow();
    await waitFor(() => session.current()?.mode === 'online');
    await desk.sync.engine.idle();
    expect(desk.cards.get(card.id)?.number).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
  }, 60_000);

  it('refuses an offline sign-in older than the configured limit', async () => {
    const { proxy, desk } = await aConsoleBehindProxy(cleanups);
    await desk.sync.session.signIn({ login: 'operator', password: 'operator' });
    proxy.setTarget(null);
    proxy.dropAll();

    let clock = Date.now();
    const later = createSessionService({
      client: createCentralClient(proxy.url),
      offline: createOfflineAccounts(desk.db),
      maxOfflineAgeMs: 72 * 3_600_000,
      now: () => new Date(clock),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    clock += 71 * 3_600_000;
    expect(await later.signIn({ login: 'operator', password: 'operator' })).toMatchObject({ ok: true });
    clock += 2 * 3_600_000;
    expect(await later.signIn({ login: 'operator', password: 'operator' })).toEqual({
      ok: false,
      refusal: 'offlineTooOld',
    });
  }, 60_000);
});
