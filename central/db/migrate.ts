import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The numbered files in central/db/migrations (`0010-accounts.sql`, in steps of 10), in order. */
export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(join(migrationsDir, file), 'utf8'),
    }));
}

export class DatabaseTooNewError extends Error {
  constructor(found: number, supported: number) {
    super(`the database is at schema version ${found}, newer than this central supports (${supported})`);
  }
}

/**
 * Applies every pending migration in one transaction. An advisory lock makes instances that start
 * together on one PostgreSQL take turns instead of racing on the same DDL.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = loadMigrations(),
): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(1020001)');
    await tx.exec(
      'create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const rows = await tx.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    const from = rows[0]?.v ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (from > latest) throw new DatabaseTooNewError(from, latest);
    for (const m of migrations.filter((m) => m.version > from)) {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    }
    return { from, to: Math.max(from, latest) };
  });
}
