import type { Territory } from '../../domain/places/territory';
import type { Sql } from '../db/database';

/** Departments' territories (migration 0020), demo approximations or imported official polygons. */
export const territoryRepository = {
  async save(tx: Sql, territories: readonly Territory[], source: 'demo' | 'official'): Promise<void> {
    for (const t of territories) {
      await tx.query(
        `insert into territories (department_id, geometry, source) values ($1, $2::jsonb, $3)
         on conflict (department_id) do update set geometry = excluded.geometry, source = excluded.source, imported_at = now()`,
        [t.departmentId, JSON.stringify(t.geometry), source],
      );
    }
  },

  /** Every territory, its geometry as stored (the caller parses it). */
  all(db: Sql) {
    return db.query<{ department_id: string; geometry: unknown }>(
      'select department_id, geometry from territories',
    );
  },

  /** The departments whose territory an admin imported (never overwritten by the demo's). */
  async officialIds(tx: Sql): Promise<Set<string>> {
    const rows = await tx.query<{ department_id: string }>(
      `select department_id from territories where source = 'official'`,
    );
    return new Set(rows.map((r) => r.department_id));
  },
};
