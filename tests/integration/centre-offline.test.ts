import { afterEach, describe, expect, it } from 'vitest';
import type { Central } from '../../central/server';
import { createBoardStore } from '../../main/board/boardStore';
import { createCentreService } from '../../main/centre/centreService';
import { tempDir } from '../support/tempDir';
import { aCentral, aSyncingConsole, demoToken } from '../support/sync/testConsole';

const OTHER_SUPERVISOR = {
  login: 'supervisor.night',
  password: 'correct horse battery',
  role: 'supervisor',
  departmentId: 'kz-almaty',
  displayName: 'Ночной начальник смены',
};

/** The supervisor's view on a console of this data folder, as main/services.ts wires it. */
function aCentreDesk(dir: string, centralUrl: string) {
  const desk = aSyncingConsole(dir, centralUrl);
  const centre = createCentreService({
    central: desk.sync.central,
    account: () => desk.sync.session.current(),
    copies: createBoardStore(desk.db),
    now: () => new Date(),
  });
  return { desk, centre };
}

describe('the supervisor’s view of the centre offline (issue 14 item 5)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('shows the last copy after a restart with central down, stale with when it was fetched, sealed at rest and to its own account only', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    let central: Central | null = await aCentral(temp.dir);
    cleanups.push(() => central?.close());
    const made = await fetch(`${central.url}/api/accounts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await demoToken(central.url, 'admin')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(OTHER_SUPERVISOR),
    });
    expect(made.status).toBe(201);

    const first = aCentreDesk(temp.dir, central.url);
    expect((await first.desk.sync.session.signIn({ login: 'supervisor', password: 'supervisor' })).ok).toBe(
      true,
    );
    const live = await first.centre.view();
    expect(live.live).toBe(true);
    expect(live.view).not.toBeNull();
    // The other supervisor signs in here once online, so that they may sign in offline later.
    first.desk.sync.session.signOut();
    expect(
      (
        await first.desk.sync.session.signIn({
          login: OTHER_SUPERVISOR.login,
          password: OTHER_SUPERVISOR.password,
        })
      ).ok,
    ).toBe(true);
    first.desk.sync.session.signOut();
    await first.desk.close();
    const url = central.url;
    await central.close();
    central = null;

    // The console starts again while central is down: the copy is read from the SQLite file.
    const second = aCentreDesk(temp.dir, url);
    cleanups.push(() => second.desk.close());
    expect(
      await second.desk.sync.session.signIn({ login: 'supervisor', password: 'supervisor' }),
    ).toMatchObject({
      ok: true,
      session: { mode: 'offline' },
    });
    const stale = await second.centre.view();
    expect(stale).toEqual({ view: live.view, fetchedAt: live.fetchedAt, live: false });

    // Sealed (it names the staff and what they do): nothing of the view is readable in the file.
    const rows = second.desk.db.prepare('SELECT body FROM board_copies').all() as { body: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const { body } of rows) {
      expect(body.startsWith('v1.')).toBe(true);
      expect(body).not.toContain(live.view?.at);
      expect(body).not.toContain('waiting');
    }

    // Another supervisor at this workstation has no copy of their own yet: they are not shown the first one's.
    second.desk.sync.session.signOut();
    expect(
      await second.desk.sync.session.signIn({
        login: OTHER_SUPERVISOR.login,
        password: OTHER_SUPERVISOR.password,
      }),
    ).toMatchObject({ ok: true, session: { mode: 'offline' } });
    expect(await second.centre.view()).toEqual({ view: null, fetchedAt: null, live: false });
  }, 90_000);
});
