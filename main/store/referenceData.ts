import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  type Department,
  DepartmentSchema,
  type PatrolUnit,
  PatrolUnitSchema,
} from '../../domain/reference/department';
import type { ReferenceKind } from '../../domain/reference/reference';
import { type Territory, TerritorySchema } from '../../domain/places/territory';

/** What each kind of reference data holds. */
export interface ReferenceValues {
  departments: Department[];
  units: PatrolUnit[];
  territories: Territory[];
}

const STORED: { [K in ReferenceKind]: z.ZodType<ReferenceValues[K]> } = {
  departments: z.array(DepartmentSchema),
  units: z.array(PatrolUnitSchema),
  territories: z.array(TerritorySchema),
};

/**
 * Whose copy a row is: `EVERY_ACCOUNT` for data central gives everyone alike (departments); otherwise the
 * account's department, or `*` for a national account (central answers units and territories per scope).
 */
export type ReferenceScope = string;
export const EVERY_ACCOUNT: ReferenceScope = '';
export const scopeOfAccount = (departmentId: string | null): ReferenceScope => departmentId ?? '*';

export interface ReferenceStamp {
  /** When central last gave or confirmed this copy. */
  fetchedAt: string;
  /** Central's ETag of it, to ask "has it changed?" for the price of a header. */
  etag: string | null;
}

export interface CachedDepartments {
  departments: Department[];
  /** When central last gave them; null before the first sign-in online. */
  fetchedAt: string | null;
}
export interface CachedUnits {
  units: PatrolUnit[];
  fetchedAt: string | null;
}
export interface CachedTerritories {
  territories: Territory[];
  fetchedAt: string | null;
}

/** Central's reference data as last received, so offline work still has departments, units and territories. */
export interface ReferenceData {
  save<K extends ReferenceKind>(
    kind: K,
    scope: ReferenceScope,
    value: ReferenceValues[K],
    etag: string | null,
  ): void;
  /** Central answered "not modified": the copy is current as of now. */
  confirm(kind: ReferenceKind, scope: ReferenceScope): void;
  stamp(kind: ReferenceKind, scope: ReferenceScope): ReferenceStamp | null;
  departments(): CachedDepartments;
  units(scope: ReferenceScope): CachedUnits;
  territories(scope: ReferenceScope): CachedTerritories;
}

export function createReferenceData(db: Database.Database, deps: { now: () => Date }): ReferenceData {
  const upsert = db.prepare<[string, string, string, string | null, string]>(
    `INSERT INTO reference_data (kind, scope, json, etag, fetched_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, scope) DO UPDATE SET json = excluded.json, etag = excluded.etag, fetched_at = excluded.fetched_at`,
  );
  const touch = db.prepare<[string, string, string]>(
    'UPDATE reference_data SET fetched_at = ? WHERE kind = ? AND scope = ?',
  );
  const selectStamp = db.prepare<[string, string], { etag: string | null; fetched_at: string }>(
    'SELECT etag, fetched_at FROM reference_data WHERE kind = ? AND scope = ?',
  );
  const select = db.prepare<[string, string], { json: string; fetched_at: string }>(
    'SELECT json, fetched_at FROM reference_data WHERE kind = ? AND scope = ?',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM reference_data WHERE kind = ? AND scope = ?');

  function read<K extends ReferenceKind>(
    kind: K,
    scope: ReferenceScope,
  ): { value: ReferenceValues[K]; fetchedAt: string } | null {
    const row = select.get(kind, scope);
    if (!row) return null;
    // The database is a boundary too. A row this console cannot read is dropped, so that the next
    // refresh fetches it whole instead of being told by its ETag that nothing changed.
    let json: unknown;
    try {
      json = JSON.parse(row.json);
    } catch {
      json = undefined;
    }
    const parsed = STORED[kind].safeParse(json);
    if (parsed.success) return { value: parsed.data, fetchedAt: row.fetched_at };
    remove.run(kind, scope);
    return null;
  }

  return {
    save: (kind, scope, value, etag) =>
      void upsert.run(kind, scope, JSON.stringify(value), etag, deps.now().toISOString()),
    confirm: (kind, scope) => void touch.run(deps.now().toISOString(), kind, scope),
    stamp(kind, scope) {
      const row = selectStamp.get(kind, scope);
      return row ? { fetchedAt: row.fetched_at, etag: row.etag } : null;
    },
    departments() {
      const cached = read('departments', EVERY_ACCOUNT);
      return { departments: cached?.value ?? [], fetchedAt: cached?.fetchedAt ?? null };
    },
    units(scope) {
      const cached = read('units', scope);
      return { units: cached?.value ?? [], fetchedAt: cached?.fetchedAt ?? null };
    },
    territories(scope) {
      const cached = read('territories', scope);
      return { territories: cached?.value ?? [], fetchedAt: cached?.fetchedAt ?? null };
    },
  };
}
