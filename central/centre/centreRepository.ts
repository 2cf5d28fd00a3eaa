import { type CardFields, CardFieldsSchema, type CardStatus } from '../../domain/cards/card';
import type { CentreCard, CentreWaiting } from '../../domain/centre/centre';
import { missingForSend } from '../../domain/cards/workflow';
import type { Role } from '../../domain/session/roles';
import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';

interface WaitingRow {
  id: string;
  number: string;
  kind: CentreWaiting['kind'];
  channel: CentreWaiting['channel'];
  department_id: string | null;
  created_at: Date | string;
  escalated: boolean;
  claimed: boolean;
}

interface CardRow {
  id: string;
  number: string | null;
  status: CardStatus;
  department_id: string | null;
  fields: string;
  created_at: Date | string;
  status_since: Date | string;
  sent_at: Date | string | null;
  taken_at: Date | string | null;
}

interface OperatorRow {
  id: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  draft_created_at: Date | string | null;
  draft_updated_at: Date | string | null;
}

export interface OperatorOfCentre {
  accountId: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  /** The operator's newest draft card, which tells whether they are on a card. */
  latestDraft: { createdAt: string; updatedAt: string } | null;
}

/**
 * The supervisor's view of the centre (§16), read from what the inbox, the call queue and the card register
 * keep; `departmentIds` is the supervisor's territory as central/access decides it (null: every department).
 * Something with no department (the fallback queue) is everybody's; a card with none is its author's
 * department's. No identity and no citizen's words are read.
 */
export function createCentreRepository(db: Sql) {
  return {
    /** Calls and texts nobody has taken yet, the longest waiting first. */
    async waiting(departmentIds: string[] | null, limit: number): Promise<CentreWaiting[]> {
      const rows = await db.query<WaitingRow>(
        `select a.id, a.number, a.kind, a.channel, a.department_id, a.created_at,
           a.escalated_at is not null as escalated, c.appeal_id is not null as claimed
         from appeals a left join inbox_claims c on c.appeal_id = a.id
         where a.status = 'registered'
           and ($1::text[] is null or a.department_id = any($1::text[]) or a.department_id is null)
         order by a.created_at
         limit $2`,
        [departmentIds, limit],
      );
      return rows.map((r) => ({
        appealId: r.id,
        number: r.number,
        kind: r.kind,
        channel: r.channel,
        departmentId: r.department_id,
        receivedAt: iso(r.created_at),
        escalated: r.escalated,
        claimed: r.claimed,
      }));
    },

    /**
     * Cards not yet closed or handed to a service, the oldest first, with when each entered its status (its last
     * recorded transition) and §13's sent/taken times as the card keeps them for the board (`cards.sent_at`,
     * `taken_at`: sending again clears the taking), so the supervisor and the board read the same clock.
     */
    async openCards(departmentIds: string[] | null, limit: number): Promise<CentreCard[]> {
      const rows = await db.query<CardRow>(
        `select c.id, c.number, c.status, c.department_id, c.fields, c.created_at,
           coalesce(t.last_at, c.created_at) as status_since, c.sent_at, c.taken_at
         from cards c
         left join accounts author on author.id = c.created_by
         left join lateral (
           select max(at) as last_at from card_transitions where card_id = c.id
         ) t on true
         where c.status not in ('closed', 'forwardedToService')
           and ($1::text[] is null or c.department_id = any($1::text[])
             or (c.department_id is null and (author.department_id is null or author.department_id = any($1::text[]))))
         order by c.created_at
         limit $2`,
        [departmentIds, limit],
      );
      return rows.map((r) => {
        // Sealed at rest (the applicant and the citizen's words are in them): opened here, as every repository does.
        const fields: CardFields = CardFieldsSchema.parse(db.sealed.openJson(r.fields));
        return {
          id: r.id,
          number: r.number,
          status: r.status,
          departmentId: r.department_id,
          urgent: fields.urgent,
          createdAt: iso(r.created_at),
          statusSince: iso(r.status_since),
          sentAt: r.sent_at === null ? null : iso(r.sent_at),
          takenAt: r.taken_at === null ? null : iso(r.taken_at),
          missing: missingForSend(fields),
        };
      });
    },

    /** The operators of these accounts with their newest draft card. */
    async operators(accountIds: readonly string[]): Promise<OperatorOfCentre[]> {
      if (accountIds.length === 0) return [];
      const rows = await db.query<OperatorRow>(
        `select a.id, a.display_name, a.role, a.department_id,
           d.created_at as draft_created_at, d.updated_at as draft_updated_at
         from accounts a
         left join lateral (
           select created_at, updated_at from cards
           where created_by = a.id and status = 'draft' order by updated_at desc limit 1
         ) d on true
         where a.id = any($1::uuid[])
         order by a.display_name`,
        [accountIds],
      );
      return rows.map((r) => ({
        accountId: r.id,
        displayName: r.display_name,
        role: r.role,
        departmentId: r.department_id,
        latestDraft:
          r.draft_created_at === null || r.draft_updated_at === null
            ? null
            : { createdAt: iso(r.draft_created_at), updatedAt: iso(r.draft_updated_at) },
      }));
    },
  };
}
export type CentreRepository = ReturnType<typeof createCentreRepository>;
