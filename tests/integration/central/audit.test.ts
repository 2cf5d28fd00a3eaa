import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../central/audit/auditLogRepository';
import { verifyAuditChain } from '../../../central/audit/verifyChain';
import { type Database, openPglite, openPostgres } from '../../../central/db/database';
import { loadMigrations, migrate } from '../../../central/db/migrate';
import {
  freshPostgresDatabase,
  POSTGRES_SKIP_REASON,
  postgresReachable,
} from '../../support/central/postgres';

const aRead = (subjectId = uuidv4()) =>
  ({
    accountId: uuidv4(),
    action: 'applicant.read',
    subjectId,
    reason: 'GET /api/staff/appeals/:id',
  }) as const;

/** Edits a row the way someone with the database's superuser would: past the append-only trigger. */
async function tamper(db: Database, sql: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    await tx.query(sql);
  });
}

function auditSuite(open: () => Promise<{ db: Database; cleanup(): Promise<void> }>) {
  let env: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    env = await open();
  });
  afterAll(() => env.cleanup());

  it('chains entries written before the chain existed, and every entry after, concurrent ones too', async () => {
    const { db } = env;
    await migrate(
      db,
      loadMigrations().filter((m) => m.version < 80),
    );
    await db.query(
      `insert into audit_log (account_id, action, subject_id) values ($1, 'applicant.read', 'old-1')`,
      [uuidv4()],
    );
    await db.query(
      `insert into audit_log (account_id, action, subject_id) values (null, 'attachment.read', 'old-2')`,
    );
    await migrate(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 2 });

    const audit = createAuditLog(db);
    await Promise.all(Array.from({ length: 20 }, () => audit.record(aRead())));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 22 });
  });

  it('refuses to change or remove an entry', async () => {
    await expect(env.db.query(`update audit_log set subject_id = 'x'`)).rejects.toThrow(/append-only/);
    await expect(env.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });

  it('finds a tampered entry, and a removed one, by the first entry that breaks the chain', async () => {
    const { db } = env;
    const [row] = await db.query<{ id: string }>(`select id from audit_log order by id offset 5 limit 1`);
    await tamper(db, `update audit_log set account_id = null where id = ${Number(row?.id)}`);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, entries: 5, brokenAt: Number(row?.id) });

    await tamper(db, `delete from audit_log where id = ${Number(row?.id)}`);
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: false, entries: 5 });
    expect(verdict.ok ? 0 : verdict.brokenAt).toBeGreaterThan(Number(row?.id));
  });
}

describe('the audit log on PGlite', () => {
  auditSuite(async () => {
    const db = await openPglite();
    return { db, cleanup: () => db.close() };
  });
});

describe.skipIf(!postgresReachable)(
  `the audit log on PostgreSQL${postgresReachable ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    auditSuite(async () => {
      const fresh = await freshPostgresDatabase();
      const db = await openPostgres(fresh.url);
      return { db, cleanup: async () => (await db.close(), await fresh.drop()) };
    });
  },
);

describe('npm run audit-verify', () => {
  it('answers 0 while the chain holds and 1 with the broken entry once a row is changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
    try {
      const dataDir = join(dir, 'pglite');
      const db = await openPglite(dataDir);
      await migrate(db);
      const audit = createAuditLog(db);
      for (let i = 0; i < 3; i++) await audit.record(aRead());
      await db.close();
      const verify = () =>
        spawnSync(process.execPath, ['--import', 'tsx', 'central/audit/verifyCli.ts'], {
          env: { ...process.env, CENTRAL_DATA_DIR: dataDir, DATABASE_URL: '' },
          encoding: 'utf8',
        });
      const holds = verify();
      expect(holds.stdout).toContain('3 entries, the chain holds');
      expect(holds.status).toBe(0);

      const again = await openPglite(dataDir);
      await tamper(again, `update audit_log set reason = 'nothing to see' where id = 2`);
      await again.close();
      const broken = verify();
      expect(broken.stdout).toContain('BROKEN at entry 2');
      expect(broken.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
