import type { NewUnit, UnitChanges, UnitEntry } from '../../domain/admin/directories';
import type { UnitKind } from '../../domain/dispatch/unit';
import type { Sql } from '../db/database';

interface UnitEntryRow {
  id: string;
  department_id: string;
  call_sign: string;
  kind: UnitKind;
  crew: number;
}
const rowToEntry = (r: UnitEntryRow): UnitEntry => ({
  id: r.id,
  departmentId: r.department_id,
  callSign: r.call_sign,
  kind: r.kind,
  crew: r.crew,
});
const ENTRY_COLUMNS = 'id, department_id, call_sign, kind, crew';
/** The columns a UnitChanges field writes. */
const CHANGE_COLUMNS = {
  callSign: 'call_sign',
  kind: 'kind',
  crew: 'crew',
} as const satisfies Record<keyof UnitChanges, string>;

/**
 * The directory part of `patrol_units` (§28): call sign, kind and crew, as the admin keeps them. The live
 * columns (status, card, position) are central/units/unitRepository.ts's; a new unit starts free, nowhere.
 */
export function createUnitDirectory(db: Sql) {
  return {
    /** A department's units, by call sign. */
    async entries(departmentId: string): Promise<UnitEntry[]> {
      const rows = await db.query<UnitEntryRow>(
        `select ${ENTRY_COLUMNS} from patrol_units where department_id = $1 order by call_sign, id`,
        [departmentId],
      );
      return rows.map(rowToEntry);
    },
    /** A new unit; null when its id is taken. */
    async insert(unit: NewUnit): Promise<UnitEntry | null> {
      const rows = await db.query<UnitEntryRow>(
        `insert into patrol_units (id, department_id, call_sign, kind, crew) values ($1, $2, $3, $4, $5)
         on conflict (id) do nothing returning ${ENTRY_COLUMNS}`,
        [unit.id, unit.departmentId, unit.callSign, unit.kind, unit.crew],
      );
      return rows[0] ? rowToEntry(rows[0]) : null;
    },
    /** The fields given, changed; null when there is no such unit. */
    async update(id: string, changes: UnitChanges): Promise<UnitEntry | null> {
      const fields = (Object.keys(CHANGE_COLUMNS) as (keyof UnitChanges)[]).filter(
        (field) => changes[field] !== undefined,
      );
      const sets = fields.map((field, i) => `${CHANGE_COLUMNS[field]} = $${i + 2}`).join(', ');
      const rows = await db.query<UnitEntryRow>(
        `update patrol_units set ${sets} where id = $1 returning ${ENTRY_COLUMNS}`,
        [id, ...fields.map((field) => changes[field])],
      );
      return rows[0] ? rowToEntry(rows[0]) : null;
    },
  };
}
export type UnitDirectory = ReturnType<typeof createUnitDirectory>;
