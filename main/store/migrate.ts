import type Database from 'better-sqlite3';
import type { Migration, MigrationContext } from './migration';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `the database is at schema version ${found}, newer than this console supports (${supported}); update the console`,
    );
  }
}

/**
 * Applies every pending migration in one transaction and records the schema version in `user_version`.
 * Foreign keys are off while they run, so a migration may rebuild a referenced table (create, copy, drop,
 * rename: SQLite's documented way); every reference is checked before the transaction commits.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  context: MigrationContext = {},
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) m.up(db, context);
      const broken = db.pragma('foreign_key_check') as { table: string }[];
      if (broken.length > 0)
        throw new Error(`migration left ${broken.length} broken references (first in ${broken[0]?.table})`);
      db.pragma(`user_version = ${latest}`);
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
  return { from, to: latest };
}
