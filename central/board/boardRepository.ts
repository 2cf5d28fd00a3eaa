import type { CardStep, EscalatedCard } from '../../domain/dispatch/board';
import { type CardWarning, ReferenceRecordKindSchema } from '../../domain/dispatch/warning';
import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';

interface WarningRow {
  id: string;
  card_id: string;
  kind: string;
  person_name: string | null;
  note: string;
  created_at: Date | string;
}

/** `db` opens the person's name, stored sealed (it ties a person to an incident). */
export const rowToWarning = (db: Sql, r: WarningRow): CardWarning => ({
  id: r.id,
  cardId: r.card_id,
  kind: ReferenceRecordKindSchema.parse(r.kind),
  personName: db.sealed.openNullable(r.person_name),
  note: r.note,
  createdAt: iso(r.created_at),
});

/** The board's reads (§10, §13): a card's history and warnings, and the cards whose timer ran out. */
export const boardRepository = {
  /** Each step of the card — workflow steps and reference checks — with who (display name) and when, in order. */
  async steps(db: Sql, cardId: string): Promise<CardStep[]> {
    const transitions = await db.query<{
      transition: string;
      at: Date | string;
      by: string | null;
      note: string | null;
    }>(
      `select t.transition, t.at, a.display_name as by, t.note
       from card_transitions t left join accounts a on a.id = t.account_id
       where t.card_id = $1 order by t.id`,
      [cardId],
    );
    const checks = await db.query<{
      at: Date | string;
      by: string | null;
      person_name: string | null;
      found: number;
      kinds: string[] | null;
    }>(
      `select c.at, a.display_name as by, c.person_name, c.found,
         (select array_agg(distinct w.kind) from card_warnings w where w.check_id = c.id) as kinds
       from reference_checks c left join accounts a on a.id = c.account_id
       where c.card_id = $1 order by c.at`,
      [cardId],
    );
    const steps: CardStep[] = [
      ...transitions.map((t) => ({
        kind: 'transition' as const,
        transition: t.transition,
        at: iso(t.at),
        by: t.by,
        note: t.note,
      })),
      ...checks.map((c) => ({
        kind: 'check' as const,
        at: iso(c.at),
        by: c.by,
        personName: db.sealed.openNullable(c.person_name),
        found: Number(c.found),
        kinds: (c.kinds ?? []).map((k) => ReferenceRecordKindSchema.parse(k)),
      })),
    ];
    return steps.sort((a, b) => a.at.localeCompare(b.at));
  },

  async warnings(db: Sql, cardId: string): Promise<CardWarning[]> {
    const rows = await db.query<WarningRow>(
      'select * from card_warnings where card_id = $1 order by created_at desc, id',
      [cardId],
    );
    return rows.map((row) => rowToWarning(db, row));
  },

  /**
   * Marks the cards sent before `sentBefore` and still not taken as rung about, and returns them: one statement,
   * so two instances never ring the supervisor twice for one card.
   */
  async markEscalated(db: Sql, sentBefore: Date): Promise<(EscalatedCard & { ownerId: string | null })[]> {
    const rows = await db.query<{
      id: string;
      number: string | null;
      department_id: string | null;
      sent_at: Date | string;
      created_by: string | null;
    }>(
      `update cards set ack_escalated_at = now()
       where status = 'sentToInspector' and taken_at is null and ack_escalated_at is null
         and sent_at is not null and sent_at <= $1
       returning id, number, department_id, sent_at, created_by`,
      [sentBefore.toISOString()],
    );
    return rows.map((r) => ({
      cardId: r.id,
      number: r.number,
      departmentId: r.department_id,
      sentAt: iso(r.sent_at),
      ownerId: r.created_by,
    }));
  },
};
