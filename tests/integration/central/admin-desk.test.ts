import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../central/audit/verifyChain';
import type { Database } from '../../../central/db/database';
import type { AccountView } from '../../../domain/admin/account';
import { startAdminCentral } from '../../support/central/adminCentral';
import type { TestCentral } from '../../support/central/central';
import { postFrom } from '../../support/central/client';
import { POSTGRES_SKIP_REASON, postgresReachable } from '../../support/central/postgres';

/** The admin's desk on central (§28, issue 15 item 5): what the accounts list shows, unlocking, the audit. */
describe.skipIf(!postgresReachable)('the admin desk on central (§28)', () => {
  let t: TestCentral;
  let db: Database;
  let admin: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, db, admin, close } = await startAdminCentral());
  });
  afterAll(() => close());

  const accountOf = async (login: string) => {
    const list = await t.call<{ accounts: AccountView[] }>('GET', '/api/accounts', { token: admin });
    const found = list.body.accounts.find((a) => a.login === login);
    if (!found) throw new Error(`${login} is not listed`);
    return found;
  };
  const audited = (action: string) =>
    db.query<{ account_id: string; subject_id: string; reason: string }>(
      'select account_id::text, subject_id, reason from audit_log where action = $1 order by id',
      [action],
    );

  it('lists each account with its last sign-in and its live sessions, and audits who created it', async () => {
    const created = await t.call<AccountView>('POST', '/api/accounts', {
      token: admin,
      body: {
        login: 'desk.operator',
        password: 'a long and honest passphrase',
        role: 'operator',
        departmentId: 'kz-almaty',
        displayName: 'Жаңа оператор',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ lastSignInAt: null, activeSessions: 0, locked: false });
    const signIn = { login: 'desk.operator', password: 'a long and honest passphrase' };
    expect((await t.call('POST', '/api/auth/login', { body: signIn })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/login', { body: signIn })).status).toBe(200);
    const after = await accountOf('desk.operator');
    expect(after.activeSessions).toBe(2);
    expect(after.lastSignInAt).not.toBeNull();
    const [entry] = await audited('account.created');
    expect(entry).toMatchObject({
      subject_id: created.body.id,
      reason: expect.stringContaining('role=operator'),
    });
  });

  it('shows a login slowed down by wrong passwords as locked, and the admin unlocks it from every address', async () => {
    for (let i = 0; i < 4; i++)
      await postFrom(t.url, '127.0.0.77', '/api/auth/login', { login: 'desk.operator', password: 'wrong' });
    const locked = await accountOf('desk.operator');
    expect(locked.locked).toBe(true);
    const unlocked = await t.call<AccountView>('POST', `/api/accounts/${locked.id}/unlock`, { token: admin });
    expect(unlocked).toMatchObject({ status: 200, body: { locked: false } });
    const again = await postFrom(t.url, '127.0.0.77', '/api/auth/login', {
      login: 'desk.operator',
      password: 'a long and honest passphrase',
    });
    expect(again.status).toBe(200);
    expect(await audited('account.unlocked')).toHaveLength(1);
  });

  it('disabling ends every session; the audit names what changed, never the password', async () => {
    const { id } = await accountOf('desk.operator');
    const reset = await t.call('PATCH', `/api/accounts/${id}`, {
      token: admin,
      body: { password: 'another long passphrase here' },
    });
    expect(reset.status).toBe(200);
    const disabled = await t.call<AccountView>('PATCH', `/api/accounts/${id}`, {
      token: admin,
      body: { disabled: true },
    });
    expect(disabled.body).toMatchObject({ disabled: true, activeSessions: 0 });
    const reasons = (await audited('account.changed')).map((e) => e.reason);
    expect(reasons).toEqual(['PATCH /api/accounts/:id password', 'PATCH /api/accounts/:id disabled=true']);
    expect(JSON.stringify(reasons)).not.toContain('another long');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  const square = (lon: number, lat: number, d = 0.05) => [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ];
  const fileOf = (ring: number[][]) => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { departmentId: 'kz-almaty-medeu' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ],
  });

  it.each([
    {
      what: 'a bow tie',
      ring: [
        [76.9, 43.2],
        [77.0, 43.3],
        [77.0, 43.2],
        [76.9, 43.3],
        [76.9, 43.2],
      ],
      code: 'territory.selfIntersecting',
    },
    { what: 'latitude and longitude swapped', ring: square(43.2, 76.9), code: 'territory.outsideCountry' },
  ])(
    'refuses a territory file with $what, and keeps the territories as they were',
    async ({ ring, code }) => {
      const r = await t.call('POST', '/api/territories/import', { token: admin, body: fileOf(ring) });
      expect(r).toMatchObject({ status: 400, body: { code, params: { departmentId: 'kz-almaty-medeu' } } });
    },
  );

  it('imports a good file and audits it', async () => {
    const r = await t.call('POST', '/api/territories/import', {
      token: admin,
      body: fileOf(square(76.95, 43.15)),
    });
    expect(r).toMatchObject({ status: 200, body: { imported: 1 } });
    const [entry] = await audited('territories.imported');
    expect(entry).toMatchObject({ subject_id: 'kz-almaty-medeu' });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

it.skipIf(postgresReachable)('skips the admin desk suite', () => {
  expect(POSTGRES_SKIP_REASON).toBeTruthy();
});
