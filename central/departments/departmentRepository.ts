import { type Department, DepartmentSchema, type PatrolUnit } from '../../domain/reference/department';
import { scopeOf, type Scope } from '../../domain/session/roles';
import type { Sql } from '../db/database';

interface DepartmentRow {
  id: string;
  kind: string;
  parent_id: string | null;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  seat_lat: number | null;
  seat_lon: number | null;
}

function rowToDepartment(r: DepartmentRow): Department {
  return DepartmentSchema.parse({
    id: r.id,
    kind: r.kind,
    parentId: r.parent_id,
    code: r.code,
    nameKk: r.name_kk,
    nameRu: r.name_ru,
    nameEn: r.name_en,
    seat: r.seat_lat === null || r.seat_lon === null ? null : { lat: r.seat_lat, lon: r.seat_lon },
  });
}

export async function upsertDepartments(db: Sql, departments: readonly Department[]): Promise<void> {
  for (const d of departments) {
    await db.query(
      `insert into departments (id, kind, parent_id, code, name_kk, name_ru, name_en, seat_lat, seat_lon)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (id) do nothing`,
      [
        d.id,
        d.kind,
        d.parentId,
        d.code,
        d.nameKk,
        d.nameRu,
        d.nameEn,
        d.seat?.lat ?? null,
        d.seat?.lon ?? null,
      ],
    );
  }
}

export async function upsertPatrolUnits(db: Sql, units: readonly PatrolUnit[]): Promise<void> {
  for (const u of units) {
    await db.query(
      `insert into patrol_units (id, department_id, call_sign, kind) values ($1, $2, $3, $4) on conflict (id) do nothing`,
      [u.id, u.departmentId, u.callSign, u.kind],
    );
  }
}

interface PatrolUnitRow {
  id: string;
  department_id: string;
  call_sign: string;
  kind: PatrolUnit['kind'];
}

const rowToPatrolUnit = (r: PatrolUnitRow): PatrolUnit => ({
  id: r.id,
  departmentId: r.department_id,
  callSign: r.call_sign,
  kind: r.kind,
});

export async function listPatrolUnits(db: Sql, departmentId: string): Promise<PatrolUnit[]> {
  const rows = await db.query<PatrolUnitRow>(
    'select * from patrol_units where department_id = $1 order by call_sign',
    [departmentId],
  );
  return rows.map(rowToPatrolUnit);
}

/** The units of a scope (`null`: every department), in a stable order so equal data gives an equal ETag. */
export async function listPatrolUnitsIn(db: Sql, departmentIds: string[] | null): Promise<PatrolUnit[]> {
  const rows = await db.query<PatrolUnitRow>(
    `select * from patrol_units where $1::text[] is null or department_id = any($1::text[])
     order by department_id, call_sign, id`,
    [departmentIds],
  );
  return rows.map(rowToPatrolUnit);
}

/**
 * The departments, held in memory: a few hundred rows read on every request for scope checks. Reloaded
 * when they change (seed, import) on this or another instance.
 */
export class DepartmentDirectory {
  private departments: Department[] = [];
  private byId = new Map<string, Department>();

  constructor(private readonly db: Sql) {}

  async reload(): Promise<void> {
    const rows = await this.db.query<DepartmentRow>('select * from departments order by id');
    this.departments = rows.map(rowToDepartment);
    this.byId = new Map(this.departments.map((d) => [d.id, d]));
  }

  list(): readonly Department[] {
    return this.departments;
  }

  get(id: string): Department | undefined {
    return this.byId.get(id);
  }

  scopeOf(departmentId: string | null): Scope {
    return scopeOf(departmentId, this.departments);
  }

  /** Scope as a list for SQL (`= any($1)`); null for national scope, which filters nothing. */
  static scopeIds(scope: Scope): string[] | null {
    return scope.national ? null : [...scope.departmentIds];
  }
}
