import type { Unit, UnitKind, UnitStatus } from '../../domain/dispatch/unit';
import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';

interface UnitRow {
  id: string;
  department_id: string;
  call_sign: string;
  kind: UnitKind;
  crew: number;
  status: UnitStatus;
  status_at: Date | string;
  card_id: string | null;
  lat: number | null;
  lon: number | null;
  position_at: Date | string | null;
  reported_at: Date | string | null;
}

export const rowToUnit = (r: UnitRow): Unit => ({
  id: r.id,
  departmentId: r.department_id,
  callSign: r.call_sign,
  kind: r.kind,
  crew: r.crew,
  status: r.status,
  statusAt: iso(r.status_at),
  cardId: r.card_id,
  position:
    r.lat === null || r.lon === null || r.position_at === null
      ? null
      : { lat: r.lat, lon: r.lon, at: iso(r.position_at) },
});

export interface StoredUnit {
  unit: Unit;
  /** When central last accepted a position of the unit (the once-a-second limit counts from it). */
  reportedAt: number | null;
}

const stored = (r: UnitRow): StoredUnit => ({
  unit: rowToUnit(r),
  reportedAt: r.reported_at === null ? null : new Date(r.reported_at).getTime(),
});

/** Units as live data (§13): every statement on `patrol_units`' live columns and on `unit_steps`. */
export const unitRepository = {
  /** The live units of a scope (`null`: every department), in a stable order. */
  async list(db: Sql, departmentIds: string[] | null): Promise<Unit[]> {
    const rows = await db.query<UnitRow>(
      `select * from patrol_units where $1::text[] is null or department_id = any($1::text[])
       order by department_id, call_sign, id`,
      [departmentIds],
    );
    return rows.map(rowToUnit);
  },

  async byIds(db: Sql, ids: readonly string[]): Promise<Map<string, StoredUnit>> {
    const rows = await db.query<UnitRow>('select * from patrol_units where id = any($1::text[])', [ids]);
    return new Map(rows.map((r) => [r.id, stored(r)]));
  },

  /** Locks the units for a status change, in id order (two dispatches of the same units cannot deadlock). */
  async lock(tx: Sql, ids: readonly string[]): Promise<Map<string, StoredUnit>> {
    const rows = await tx.query<UnitRow>(
      'select * from patrol_units where id = any($1::text[]) order by id for update',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, stored(r)]));
  },

  /**
   * Stores positions whose units have not reported within `minIntervalMs` of `receivedAt` (checked again here,
   * so two requests racing for one unit store one): the units stored, as they are now.
   */
  async savePositions(
    db: Sql,
    positions: readonly { unitId: string; lat: number; lon: number; at: string }[],
    receivedAt: Date,
    minIntervalMs: number,
  ): Promise<Unit[]> {
    if (positions.length === 0) return [];
    const rows = await db.query<UnitRow>(
      `update patrol_units u set lat = p.lat, lon = p.lon, position_at = p.at, reported_at = $5
       from unnest($1::text[], $2::float8[], $3::float8[], $4::timestamptz[]) as p(id, lat, lon, at)
       where u.id = p.id
         and (u.reported_at is null or u.reported_at <= $5::timestamptz - make_interval(secs => $6::float8 / 1000))
       returning u.*`,
      [
        positions.map((p) => p.unitId),
        positions.map((p) => p.lat),
        positions.map((p) => p.lon),
        positions.map((p) => p.at),
        receivedAt.toISOString(),
        minIntervalMs,
      ],
    );
    return rows.map(rowToUnit);
  },

  async setStatus(tx: Sql, id: string, status: UnitStatus, cardId: string | null): Promise<Unit> {
    const rows = await tx.query<UnitRow>(
      `update patrol_units set status = $2, card_id = $3, status_at = now() where id = $1 returning *`,
      [id, status, cardId],
    );
    const row = rows[0];
    if (!row) throw new Error('no such unit');
    return rowToUnit(row);
  },

  async recordSteps(
    tx: Sql,
    steps: readonly {
      unitId: string;
      cardId: string | null;
      from: UnitStatus;
      to: UnitStatus;
      accountId: string;
      operationId: string | null;
    }[],
  ): Promise<void> {
    if (steps.length === 0) return;
    await tx.query(
      `insert into unit_steps (unit_id, card_id, from_status, to_status, account_id, operation_id)
       select * from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[])`,
      [
        steps.map((s) => s.unitId),
        steps.map((s) => s.cardId),
        steps.map((s) => s.from),
        steps.map((s) => s.to),
        steps.map((s) => s.accountId),
        steps.map((s) => s.operationId),
      ],
    );
  },

  /** A unit's or a card's steps, oldest first, with who and when. */
  async steps(db: Sql, where: { unitId?: string; cardId?: string }) {
    const rows = await db.query<{
      unit_id: string;
      card_id: string | null;
      from_status: UnitStatus;
      to_status: UnitStatus;
      account_id: string | null;
      at: Date | string;
    }>(
      `select * from unit_steps where ($1::text is null or unit_id = $1) and ($2::uuid is null or card_id = $2)
       order by id`,
      [where.unitId ?? null, where.cardId ?? null],
    );
    return rows.map((r) => ({
      unitId: r.unit_id,
      cardId: r.card_id,
      from: r.from_status,
      to: r.to_status,
      accountId: r.account_id,
      at: iso(r.at),
    }));
  },

  /** Demo and tests: the crew and kind of units the reference data does not carry. */
  async setCrew(db: Sql, crews: readonly { id: string; crew: number }[]): Promise<void> {
    if (crews.length === 0) return;
    await db.query(
      `update patrol_units u set crew = c.crew from unnest($1::text[], $2::int[]) as c(id, crew) where u.id = c.id`,
      [crews.map((c) => c.id), crews.map((c) => c.crew)],
    );
  },
};
