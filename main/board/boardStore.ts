import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { cipherOf } from '../store/atRest';

/**
 * The board's last copies from central (§13 limits, each card's history and warnings) and the supervisor's view
 * of the centre, by key, so they show with central down, after a restart too; each read is checked against its schema (the database is a boundary too).
 * Sealed at rest: a warning names the person checked and what the reference records hold about them.
 */
export function createBoardStore(db: Database.Database) {
  const cipher = cipherOf(db);
  const upsert = db.prepare(
    `INSERT INTO board_copies (key, body, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`,
  );
  const select = db.prepare<[string], { body: string; fetched_at: string }>(
    'SELECT body, fetched_at FROM board_copies WHERE key = ?',
  );
  return {
    keep(key: string, value: unknown, at: string): void {
      upsert.run(key, cipher.seal(JSON.stringify(value)), at);
    },
    read<S extends z.ZodType>(key: string, schema: S): { value: z.output<S>; fetchedAt: string } | null {
      const row = select.get(key);
      if (!row) return null;
      const parsed = schema.safeParse(JSON.parse(cipher.open(row.body)));
      return parsed.success ? { value: parsed.data, fetchedAt: row.fetched_at } : null;
    },
  };
}
export type BoardStore = ReturnType<typeof createBoardStore>;
