import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../../central/db/database';
import { DatabaseTooNewError, loadMigrations, migrate } from '../../../central/db/migrate';
import {
  freshPostgresDatabase,
  POSTGRES_SKIP_REASON,
  postgresReachable,
} from '../../support/central/postgres';

/** The tables each migration must leave behind. */
const TABLES_BY_VERSION: Record<number, string[]> = {
  10: ['departments', 'patrol_units', 'accounts', 'refresh_tokens', 'settings'],
  20: ['territories'],
  30: ['counters', 'appeals', 'attachments', 'chat_messages'],
  40: ['cards', 'card_transitions'],
  50: ['sync_operations', 'changes', 'bus_spill'],
  60: ['workstation_reports', 'audit_log'],
  70: ['recordings'],
  80: [],
  90: [],
  // Columns only: unnumbered drafts, refusals kept with their codes, an appeal's address in words.
  100: [],
  // The token-signing key leaves the database; sessions and the sign-in throttle.
  110: [],
  120: ['sessions', 'login_failures'],
  // The change feed keeps no identity.
  130: [],
  // The operator's inbox: claims, the competent services and what was forwarded to them (issue 12).
  140: ['inbox_claims', 'competent_services', 'appeal_forwards'],
  // A call escalated to the supervisor and the neighbours is marked once (issue 13).
  150: [],
  // Personal data at rest: a sealed probe per key (issue 11 item 12).
  160: ['data_key_probes'],
  // Units as live data: their status, crew and position, every step of theirs, and a card's units (issue 14).
  170: ['unit_steps'],
  // The senior inspector's board and the duty unit: §13 timers on the card, §15 reference records and checks.
  180: ['reference_records', 'reference_checks', 'card_warnings'],
  // An appeal linked to the open card it repeats (issue 12, duplicates).
  220: ['appeal_duplicates'],
  // A call's quality figures, per 5-second window (issue 13.4).
  240: ['call_quality'],
  // A card that leaves an audience is told to it in the feed (issue 14): a new kind of entry, no new table.
  260: [],
  // Columns only: a competent service's competence, kept by the admin's directory (issue 15).
  270: [],
  // Columns only: a recording's call and part, when a reload during the call recorded it in parts (issue 13).
  280: [],
};

async function tables(db: Database): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public'`,
  );
  return rows.map((r) => r.table_name);
}

function migrationSuite(open: () => Promise<{ db: () => Promise<Database>; cleanup(): Promise<void> }>) {
  let env: Awaited<ReturnType<typeof open>>;
  afterAll(() => env?.cleanup());

  it('knows every numbered migration file, in steps of 10', () => {
    expect(loadMigrations().map((m) => m.version)).toEqual(Object.keys(TABLES_BY_VERSION).map(Number));
  });

  it('applies each migration in turn, each leaving its tables', async () => {
    env = await open();
    const db = await env.db();
    const all = loadMigrations();
    for (let i = 0; i < all.length; i++) {
      const step = await migrate(db, all.slice(0, i + 1));
      const m = all[i];
      if (!m) throw new Error('missing migration');
      expect(step.to).toBe(m.version);
      expect(await tables(db)).toEqual(expect.arrayContaining(TABLES_BY_VERSION[m.version] ?? []));
    }
    await db.close();
  });

  it('does nothing when run again, and refuses a database newer than itself', async () => {
    const db = await env.db();
    const all = loadMigrations();
    const latest = all.at(-1)?.version ?? 0;
    expect(await migrate(db)).toEqual({ from: latest, to: latest });
    await expect(migrate(db, all.slice(0, 2))).rejects.toBeInstanceOf(DatabaseTooNewError);
    await db.close();
  });
}

describe('central migrations on PGlite', () => {
  migrationSuite(async () => {
    const db = await openPglite();
    // One in-memory database serves every step; closing it between tests would lose it.
    const shared: Database = { ...db, close: async () => undefined };
    return { db: async () => shared, cleanup: () => db.close() };
  });
});

describe.skipIf(!postgresReachable)(
  `central migrations on PostgreSQL${postgresReachable ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    migrationSuite(async () => {
      const fresh = await freshPostgresDatabase();
      return { db: () => openPostgres(fresh.url), cleanup: () => fresh.drop() };
    });
  },
);

describe('migration 0090 (sessions) on PGlite', () => {
  it('turns each refresh token that exists into a session of its own, so nobody is signed out', async () => {
    const db = await openPglite();
    try {
      await migrate(
        db,
        loadMigrations().filter((m) => m.version < 90),
      );
      const accountId = randomUUID();
      await db.query(
        `insert into accounts (id, login, password_hash, role, display_name) values ($1, 'duty.1', 'x', 'duty', 'Duty')`,
        [accountId],
      );
      await db.query(
        `insert into refresh_tokens (token_hash, account_id, expires_at) values ('h1', $1, now() + interval '1 hour'), ('h2', $1, now() + interval '1 hour')`,
        [accountId],
      );
      await migrate(db);
      const tokens = await db.query<{ session_id: string }>('select session_id from refresh_tokens');
      const sessions = await db.query<{ id: string; account_id: string; revoked_at: null }>(
        'select * from sessions',
      );
      expect(new Set(tokens.map((t) => t.session_id)).size).toBe(2);
      expect(sessions.map((s) => s.id).sort()).toEqual(tokens.map((t) => t.session_id).sort());
      expect(sessions.every((s) => s.account_id === accountId && s.revoked_at === null)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
