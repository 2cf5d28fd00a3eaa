import { type Card, type CardFields, CardFieldsSchema, type CardStatus } from '../../domain/cards/card';
import { type CardOutcome, CardOutcomeSchema } from '../../domain/cards/outcome';
import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';
import type { Sealer } from '../db/personalData';

export interface CardRow {
  id: string;
  number: string | null;
  department_id: string | null;
  status: CardStatus;
  /** The card's fields as JSON, sealed (they hold the applicant and the citizen's words). */
  fields: string;
  kuizh_number: string | null;
  local_number: number | null;
  version: number;
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  sent_at: Date | string | null;
  taken_at: Date | string | null;
  outcome: string | null;
  dispatched_unit_ids?: string[];
}

export interface StoredCard {
  card: Card;
  fields: CardFields;
  createdBy: string | null;
}

export function rowToCard(s: Sealer, r: CardRow): StoredCard {
  return withFields(r, CardFieldsSchema.parse(s.openJson(r.fields)));
}

/**
 * A row this statement wrote from `json`: its sealed fields are that JSON, read back from it rather than
 * opened again (opening is most of the cost of a card written in a sync batch).
 */
function writtenCard(r: CardRow, json: string): StoredCard {
  return withFields(r, CardFieldsSchema.parse(JSON.parse(json)));
}

function withFields(r: CardRow, fields: CardFields): StoredCard {
  const card: Card = {
    id: r.id,
    // Central's own cards have no console number; the register's sequence stands in for it, and 0 for a
    // card not yet numbered (the console shows its own number for its cards).
    localNumber: r.local_number ?? (r.number ? Number(r.number.split('-').at(-1)) : 0),
    status: r.status,
    description: fields.description,
    category: fields.category,
    location: fields.location,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    number: r.number,
    departmentId: r.department_id,
    addressText: fields.addressText,
    applicant: fields.applicant,
    peopleCount: fields.peopleCount,
    peopleFeatures: fields.peopleFeatures,
    vehicles: fields.vehicles,
    buildings: fields.buildings,
    channel: fields.channel,
    urgent: fields.urgent,
    appealId: fields.appealId,
    chosenDepartmentId: fields.chosenDepartmentId,
    anonymous: fields.anonymous,
    language: fields.language,
    subcategory: fields.subcategory,
    vehicleList: fields.vehicleList,
    kuizhNumber: r.kuizh_number,
    sentAt: r.sent_at === null ? null : iso(r.sent_at),
    takenAt: r.taken_at === null ? null : iso(r.taken_at),
    outcome: r.outcome === null ? null : CardOutcomeSchema.parse(r.outcome),
    version: r.version,
    ...(r.dispatched_unit_ids?.length ? { dispatchedUnitIds: r.dispatched_unit_ids } : {}),
  };
  return { card, fields, createdBy: r.created_by };
}

/** What of a stored card decides who may touch it (central/access/rules.ts). */
export const cardReach = (s: StoredCard) => ({
  departmentId: s.card.departmentId ?? null,
  createdBy: s.createdBy,
});

/** The card register (§9): rows locked for update inside the sync transaction that changes them. */
export function createCardRepository() {
  return {
    async lock(tx: Sql, id: string): Promise<StoredCard | null> {
      const row = (await tx.query<CardRow>('select * from cards where id = $1 for update', [id]))[0];
      return row ? rowToCard(tx.sealed, row) : null;
    },

    /** Which of these ids are cards already. */
    async existing(tx: Sql, ids: readonly string[]): Promise<Set<string>> {
      const rows = await tx.query<{ id: string }>('select id from cards where id = any($1::uuid[])', [ids]);
      return new Set(rows.map((r) => r.id));
    },

    /**
     * Register numbers (§9) for new cards in the given order, per department code (`KZ`: the fallback
     * queue) and year: one counter statement per code, reserving as many numbers as that code gets.
     */
    async reserveNumbers(tx: Sql, codes: readonly string[]): Promise<string[]> {
      const wanted = new Map<string, number>();
      for (const code of codes) wanted.set(code, (wanted.get(code) ?? 0) + 1);
      const next = new Map<string, { year: number; number: number }>();
      for (const [code, count] of wanted) {
        const rows = await tx.query<{ last: number; year: number }>(
          `insert into counters (scope, year, last) values ($1, extract(year from now())::int, $2)
           on conflict (scope, year) do update set last = counters.last + $2 returning last, year`,
          [`card:${code}`, count],
        );
        const row = rows[0];
        if (!row) throw new Error('counter returned nothing');
        next.set(code, { year: row.year, number: row.last - count + 1 });
      }
      return codes.map((code) => {
        const n = next.get(code);
        if (!n) throw new Error(`no number reserved for ${code}`);
        const number = n.number++;
        return `${code}-${n.year}-${String(number).padStart(6, '0')}`;
      });
    },

    /**
     * Inserts new cards in one statement. A card whose id already exists is left alone and missing from the
     * answer: the caller refuses that create.
     */
    async insertMany(
      tx: Sql,
      cards: readonly {
        id: string;
        number: string | null;
        departmentId: string | null;
        fields: CardFields;
        localNumber: number | null;
        createdBy: string;
      }[],
    ): Promise<Map<string, StoredCard>> {
      if (cards.length === 0) return new Map();
      const json = cards.map((c) => JSON.stringify(c.fields));
      const rows = await tx.query<CardRow>(
        `insert into cards (id, number, department_id, status, fields, local_number, created_by)
         select id, number, department_id, 'draft', fields, local_number, created_by
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::uuid[])
           with ordinality as u(id, number, department_id, fields, local_number, created_by, ord)
         order by ord
         on conflict (id) do nothing returning *`,
        [
          cards.map((c) => c.id),
          cards.map((c) => c.number),
          cards.map((c) => c.departmentId),
          json.map((text) => tx.sealed.seal(text)),
          cards.map((c) => c.localNumber),
          cards.map((c) => c.createdBy),
        ],
      );
      const jsonOf = new Map(cards.map((c, i) => [c.id, json[i] ?? '']));
      return new Map(rows.map((r) => [r.id, writtenCard(r, jsonOf.get(r.id) ?? '')]));
    },

    async update(
      tx: Sql,
      id: string,
      c: {
        fields: CardFields;
        departmentId: string | null;
        status: CardStatus;
        kuizhNumber: string | null;
        /** The register number a card gets on this change; a card keeps the number it has. */
        number?: string;
        /**
         * §13's timer: `sent` restarts it (sent now, not taken, not rung about), `taken` stops it (taken now).
         */
        acknowledgement?: 'sent' | 'taken';
        /** How the card ended, set by `close`. */
        outcome?: CardOutcome;
      },
    ): Promise<StoredCard> {
      const json = JSON.stringify(c.fields);
      const rows = await tx.query<CardRow>(
        `update cards set fields = $2, department_id = $3, status = $4, kuizh_number = $5,
           number = coalesce(number, $6), version = version + 1, updated_at = now(),
           sent_at = case when $7::text = 'sent' then now() else sent_at end,
           taken_at = case when $7::text = 'sent' then null when $7::text = 'taken' then now() else taken_at end,
           ack_escalated_at = case when $7::text = 'sent' then null else ack_escalated_at end,
           outcome = coalesce($8, outcome)
         where id = $1 returning *`,
        [
          id,
          tx.sealed.seal(json),
          c.departmentId,
          c.status,
          c.kuizhNumber,
          c.number ?? null,
          c.acknowledgement ?? null,
          c.outcome ?? null,
        ],
      );
      const row = rows[0];
      if (!row) throw new Error('update found no card');
      return writtenCard(row, json);
    },

    async recordTransition(
      tx: Sql,
      t: {
        cardId: string;
        transition: string;
        from: CardStatus;
        to: CardStatus;
        accountId: string;
        note: string | null;
      },
    ): Promise<void> {
      await tx.query(
        `insert into card_transitions (card_id, transition, from_status, to_status, account_id, note) values ($1, $2, $3, $4, $5, $6)`,
        [t.cardId, t.transition, t.from, t.to, t.accountId, t.note],
      );
    },

    async byId(db: Sql, id: string): Promise<StoredCard | null> {
      const row = (await db.query<CardRow>('select * from cards where id = $1', [id]))[0];
      return row ? rowToCard(db.sealed, row) : null;
    },

    async list(
      db: Sql,
      departmentIds: string[] | null,
      accountId: string,
      limit: number,
    ): Promise<StoredCard[]> {
      const rows = await db.query<CardRow>(
        `select * from cards
         where $1::text[] is null or department_id = any($1::text[]) or department_id is null or created_by = $2
         order by updated_at desc limit $3`,
        [departmentIds, accountId, limit],
      );
      return rows.map((r) => rowToCard(db.sealed, r));
    },

    async transitions(db: Sql, cardId: string) {
      const rows = await db.query<{
        transition: string;
        from_status: string;
        to_status: string;
        account_id: string | null;
        note: string | null;
        at: Date | string;
      }>('select * from card_transitions where card_id = $1 order by id', [cardId]);
      return rows.map((r) => ({
        transition: r.transition,
        from: r.from_status,
        to: r.to_status,
        accountId: r.account_id,
        note: r.note,
        at: iso(r.at),
      }));
    },
  };
}
export type CardRepository = ReturnType<typeof createCardRepository>;
