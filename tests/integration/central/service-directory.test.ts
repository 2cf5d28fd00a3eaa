import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../central/db/database';
import type { ServiceEntry } from '../../../domain/admin/directories';
import { startAdminCentral } from '../../support/central/adminCentral';
import type { TestCentral } from '../../support/central/central';
import { postgresReachable } from '../../support/central/postgres';

/** The directory of competent services (§12.4) kept by the digitalisation unit (§28, issue 15 item 2). */
describe.skipIf(!postgresReachable)('the competent services directory on central', () => {
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
  const gas = {
    id: 'gas-service',
    nameKk: 'Газ қызметі',
    nameRu: 'Газовая служба',
    competenceKk: 'Газдың иісі, газ құбырының зақымдануы',
    competenceRu: 'Запах газа, повреждение газопровода',
  };

  it('adds a service with its competence, refuses its id twice, and audits the change', async () => {
    const created = await t.call<ServiceEntry>('POST', '/api/directories/services', {
      token: admin,
      body: gas,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(gas);
    const again = await t.call('POST', '/api/directories/services', { token: admin, body: gas });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'service.idTaken' });
    expect(await audited('service.created')).toEqual([
      { subject_id: 'gas-service', reason: 'POST /api/directories/services' },
    ]);
    // The operator's forward list has it too.
    const operator = await t.token('operator');
    const forward = await t.call<{ services: { id: string }[] }>('GET', '/api/services', { token: operator });
    expect(forward.body.services.map((s) => s.id)).toContain('gas-service');
  });

  it('changes only the fields given, and refuses a service that does not exist', async () => {
    const changed = await t.call<ServiceEntry>('PATCH', '/api/directories/services/gas-service', {
      token: admin,
      body: { competenceRu: 'Запах газа' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...gas, competenceRu: 'Запах газа' });
    const list = await t.call<{ services: ServiceEntry[] }>('GET', '/api/directories/services', {
      token: admin,
    });
    expect(list.body.services.find((s) => s.id === 'gas-service')?.competenceRu).toBe('Запах газа');
    const missing = await t.call('PATCH', '/api/directories/services/no-such', {
      token: admin,
      body: { nameRu: 'Никто' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'service.notFound' });
    expect(await audited('service.changed')).toEqual([
      { subject_id: 'gas-service', reason: 'PATCH /api/directories/services/:id competenceRu' },
    ]);
  });

  it('lets only the digitalisation unit change the directory, and refuses a bad id', async () => {
    const operator = await t.token('operator');
    const refused = await t.call('POST', '/api/directories/services', {
      token: operator,
      body: { ...gas, id: 'by-operator' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'role.forbidden', params: { action: 'directories.manage' } });
    const bad = await t.call('POST', '/api/directories/services', {
      token: admin,
      body: { ...gas, id: 'Газ' },
    });
    expect(bad.status).toBe(400);
  });
});
