import type Database from 'better-sqlite3';
import { z } from 'zod';
import { type Department, DepartmentSchema } from '../../domain/department';

const DepartmentsSchema = z.array(DepartmentSchema);

export interface CachedDepartments {
  departments: Department[];
  /** When central last gave them; null before the first sign-in online. */
  fetchedAt: string | null;
}

/** Central's reference data as last received, so offline work still has departments to choose from. */
export interface ReferenceData {
  saveDepartments(departments: readonly Department[]): void;
  departments(): CachedDepartments;
}

export function createReferenceData(db: Database.Database, deps: { now: () => Date }): ReferenceData {
  const upsert = db.prepare(
    `INSERT INTO reference_data (kind, json, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at`,
  );
  const select = db.prepare<[string], { json: string; fetched_at: string }>(
    'SELECT json, fetched_at FROM reference_data WHERE kind = ?',
  );
  return {
    saveDepartments: (departments) =>
      void upsert.run('departments', JSON.stringify(departments), deps.now().toISOString()),
    departments() {
      const row = select.get('departments');
      if (!row) return { departments: [], fetchedAt: null };
      // The database is a boundary too: a row this console cannot read is treated as never fetched.
      const parsed = DepartmentsSchema.safeParse(JSON.parse(row.json));
      return parsed.success
        ? { departments: parsed.data, fetchedAt: row.fetched_at }
        : { departments: [], fetchedAt: null };
    },
  };
}
