import { v7 as uuidv7 } from 'uuid';
import type { CheckedPerson, CardWarning, ReferenceRecordKind } from '../../domain/dispatch/warning';
import type { Sql } from '../db/database';
import { rowToWarning } from '../board/boardRepository';

export interface ReferenceRecord {
  id: string;
  iin: string | null;
  name: string;
  kind: ReferenceRecordKind;
  note: string;
}

/** §15's reference records and the audited checks against them; SQL only here. */
export const referenceRepository = {
  /** Adds records that are not there yet (the demo seed runs at every start). */
  async upsert(db: Sql, records: readonly ReferenceRecord[]): Promise<void> {
    if (records.length === 0) return;
    await db.query(
      `insert into reference_records (id, iin, name, kind, note)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
       on conflict (id) do nothing`,
      [
        records.map((r) => r.id),
        records.map((r) => r.iin),
        records.map((r) => r.name),
        records.map((r) => r.kind),
        records.map((r) => r.note),
      ],
    );
  },

  /** The records of a person: by IIN when given (exact), else by the whole name (case-insensitive). */
  async find(db: Sql, person: CheckedPerson): Promise<ReferenceRecord[]> {
    const rows = await db.query<ReferenceRecord>(
      `select id, iin, name, kind, note from reference_records
       where ($1::text is not null and iin = $1) or ($1::text is null and lower(name) = lower($2))
       order by kind, id`,
      [person.iin ?? null, person.name ?? null],
    );
    return rows;
  },

  /**
   * Writes the check (who, when, whom, why) and a warning per record found, in the caller's transaction. A check
   * queued on a console has its operation's id (`checkId`); one made at once gets a new id.
   */
  async recordCheck(
    tx: Sql,
    c: {
      checkId?: string;
      cardId: string;
      accountId: string;
      person: CheckedPerson;
      reason: string;
      records: readonly ReferenceRecord[];
    },
  ): Promise<{ checkId: string; warnings: CardWarning[] }> {
    const checkId = c.checkId ?? uuidv7();
    await tx.query(
      `insert into reference_checks (id, card_id, account_id, person_name, person_iin, reason, found)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        checkId,
        c.cardId,
        c.accountId,
        tx.sealed.sealNullable(c.person.name ?? null),
        tx.sealed.sealNullable(c.person.iin ?? null),
        c.reason,
        c.records.length,
      ],
    );
    if (c.records.length === 0) return { checkId, warnings: [] };
    const personName = c.person.name ?? c.records[0]?.name ?? null;
    const rows = await tx.query<Parameters<typeof rowToWarning>[1]>(
      `insert into card_warnings (id, card_id, check_id, person_name, kind, note)
       select id, $2, $3, $4, kind, note from unnest($1::uuid[], $5::text[], $6::text[]) as u(id, kind, note)
       returning *`,
      [
        c.records.map(() => uuidv7()),
        c.cardId,
        checkId,
        tx.sealed.sealNullable(personName),
        c.records.map((r) => r.kind),
        c.records.map((r) => r.note),
      ],
    );
    return { checkId, warnings: rows.map((row) => rowToWarning(tx, row)) };
  },
};
