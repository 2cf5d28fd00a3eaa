import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../central/db/database';
import type { UnitEntry } from '../../../domain/admin/directories';
import type { Unit } from '../../../domain/dispatch/unit';
import { startAdminCentral } from '../../support/central/adminCentral';
import type { TestCentral } from '../../support/central/central';
import { openSocket } from '../../support/central/client';
import { postgresReachable } from '../../support/central/postgres';

/** The directory of patrol units and СОГ (§13) kept by the digitalisation unit (§28, issue 15 item 5). */
describe.skipIf(!postgresReachable)('the units directory on central', () => {
  let t: TestCentral;
  let db: Database;
  let admin: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, db, admin, close } = await startAdminCentral());
  });
  afterAll(() => close());
  const audited = (action: string) =>
    db.query<{ subject_id: string; reason: string }>(
      'select subject_id, reason from audit_log where action = $1 order by id',
      [action],
    );
  const sog: UnitEntry = {
    id: 'kz-almaty-medeu-sog-2',
    departmentId: 'kz-almaty-medeu',
    callSign: 'МЕД-91',
    kind: 'sog',
    crew: 4,
  };

  it("lists a department's units, adds one that starts free and nowhere, refuses its id twice, and audits", async () => {
    const before = await t.call<{ units: UnitEntry[] }>(
      'GET',
      '/api/directories/units?departmentId=kz-almaty-medeu',
      {
        token: admin,
      },
    );
    expect(before.status).toBe(200);
    expect(before.body.units.length).toBeGreaterThan(0);
    expect(before.body.units.every((u) => u.departmentId === 'kz-almaty-medeu')).toBe(true);
    expect(before.body.units.map((u) => u.id)).not.toContain(sog.id);

    const created = await t.call<UnitEntry>('POST', '/api/directories/units', { token: admin, body: sog });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(sog);
    const again = await t.call('POST', '/api/directories/units', {
      token: admin,
      body: { ...sog, callSign: 'МЕД-92' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'unit.idTaken' });
    expect(await audited('unit.created')).toEqual([
      { subject_id: sog.id, reason: 'POST /api/directories/units' },
    ]);

    // The inspector's live units have it too: free, with no position until its vehicle's system reports one.
    const inspector = await t.token('inspector');
    const live = await t.call<{ units: Unit[] }>('GET', '/api/units/live', { token: inspector });
    expect(live.body.units.find((u) => u.id === sog.id)).toMatchObject({
      callSign: 'МЕД-91',
      status: 'free',
      position: null,
    });
  });

  it('changes only the fields given, never the live status, and refuses a unit that does not exist', async () => {
    await db.query(`update patrol_units set status = 'onScene' where id = $1`, [sog.id]);
    const inspector = await openSocket(t.url, `token=${await t.token('inspector')}`);
    const changed = await t.call<UnitEntry>('PATCH', `/api/directories/units/${sog.id}`, {
      token: admin,
      body: { callSign: 'МЕД-95', crew: 3 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...sog, callSign: 'МЕД-95', crew: 3 });
    const [row] = await db.query<{ status: string; kind: string }>(
      'select status, kind from patrol_units where id = $1',
      [sog.id],
    );
    expect(row).toEqual({ status: 'onScene', kind: 'sog' });
    // The inspector's console hears the new call sign at once, with the live status untouched.
    const told = await inspector.next('units', (m) => m.units.some((u) => u.id === sog.id));
    expect(told.units.find((u) => u.id === sog.id)).toMatchObject({ callSign: 'МЕД-95', status: 'onScene' });
    inspector.close();
    const status = await t.call('PATCH', `/api/directories/units/${sog.id}`, {
      token: admin,
      body: { status: 'free' },
    });
    expect(status.status).toBe(400);

    const missing = await t.call('PATCH', '/api/directories/units/no-such-unit', {
      token: admin,
      body: { crew: 2 },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'unit.notFound' });
    expect(await audited('unit.changed')).toEqual([
      { subject_id: sog.id, reason: 'PATCH /api/directories/units/:id callSign crew' },
    ]);
  });

  it('lets only the digitalisation unit change the directory, and refuses an unknown department or a bad unit', async () => {
    const operator = await t.token('operator');
    const refused = await t.call('POST', '/api/directories/units', {
      token: operator,
      body: { ...sog, id: 'by-operator' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'role.forbidden', params: { action: 'directories.manage' } });
    const nowhere = await t.call('POST', '/api/directories/units', {
      token: admin,
      body: { ...sog, id: 'nowhere-1', departmentId: 'kz-nowhere' },
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body).toMatchObject({
      code: 'department.unknown',
      params: { departmentId: 'kz-nowhere' },
    });
    const tooMany = await t.call('POST', '/api/directories/units', {
      token: admin,
      body: { ...sog, id: 'big-1', crew: 21 },
    });
    expect(tooMany.status).toBe(400);
    const badKind = await t.call('POST', '/api/directories/units', {
      token: admin,
      body: { ...sog, id: 'tank-1', kind: 'tank' },
    });
    expect(badKind.status).toBe(400);
  });
});
