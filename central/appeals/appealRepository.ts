import type { LatLon } from '../../domain/places/geo';
import type {
  AppealIntake,
  AppealStaffView,
  AppealStatus,
  Attachment,
  ChatMessage,
} from '../../domain/appeals/appeal';
import { ApplicantSchema } from '../../domain/cards/card';
import type { RoutingDecision } from '../../domain/places/territory';
import { iso } from '../accounts/accountRepository';
import type { Database, Sql } from '../db/database';
import type { Sealer } from '../db/personalData';

interface AppealRow {
  id: string;
  number: string;
  kind: AppealStaffView['kind'];
  channel: AppealStaffView['channel'];
  via: AppealStaffView['via'];
  language: AppealStaffView['language'];
  category: AppealStaffView['category'];
  text: string | null;
  media: AppealStaffView['media'];
  lat: number | null;
  lon: number | null;
  address_text: string | null;
  department_id: string | null;
  routed_by: AppealStaffView['routedBy'];
  anonymous: boolean;
  applicant: string | null;
  status: AppealStatus;
  citizen_token_hash: string;
  accepted_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

interface AttachmentRow {
  id: string;
  kind: Attachment['kind'];
  name: string;
  content_type: string;
  bytes: number | string;
  storage_name: string;
  purged_at: string | null;
}

// The citizen's file name, the appeal's words, address and applicant and the chat lines are stored sealed
// (central/db/personalData.ts): opened here, on the way out of the table.
const rowToAttachment = (s: Sealer, r: AttachmentRow): Attachment => ({
  id: r.id,
  kind: r.kind,
  name: s.open(r.name),
  contentType: r.content_type,
  bytes: Number(r.bytes),
});

function rowToAppeal(s: Sealer, r: AppealRow, attachments: Attachment[]): AppealStaffView {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    attachments,
    channel: r.channel,
    via: r.via,
    language: r.language,
    category: r.category,
    text: s.openNullable(r.text),
    media: r.media,
    location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
    addressText: s.openNullable(r.address_text),
    departmentId: r.department_id,
    routedBy: r.routed_by,
    anonymous: r.anonymous,
    // The JSON column is validated on the way out like any other boundary.
    applicant: r.applicant === null ? null : ApplicantSchema.parse(s.openJson(r.applicant)),
    acceptedBy: r.accepted_by,
  };
}

interface ChatRow {
  id: string;
  appeal_id: string;
  sender: 'citizen' | 'staff';
  account_id: string | null;
  text: string;
  created_at: Date | string;
}

const rowToChat = (s: Sealer, r: ChatRow): ChatMessage => ({
  id: r.id,
  appealId: r.appeal_id,
  from: r.sender,
  accountId: r.account_id,
  text: s.open(r.text),
  createdAt: iso(r.created_at),
});

export interface NewAppeal {
  id: string;
  intake: AppealIntake;
  routing: RoutingDecision;
  citizenTokenHash: string;
}

/** Appeals, their attachments and their chat. */
/** What decides who may take a call (callService.ts). */
export interface CallReach {
  departmentId: string | null;
  location: LatLon | null;
  escalated: boolean;
}

export function createAppealRepository(db: Database) {
  async function attachmentsOf(appealId: string): Promise<Attachment[]> {
    const rows = await db.query<AttachmentRow>(
      'select * from attachments where appeal_id = $1 order by created_at',
      [appealId],
    );
    return rows.map((r) => rowToAttachment(db.sealed, r));
  }

  return {
    /**
     * Registers appeals, each with the next number of the year (`2026-000123`), in one statement and one
     * commit however many there are (see intakeBatcher.ts).
     */
    async insertMany(appeals: readonly NewAppeal[]): Promise<AppealStaffView[]> {
      const COLUMNS = 16;
      const params: unknown[] = [];
      const s = db.sealed;
      const tuples = appeals.map((a, n) => {
        const i = a.intake;
        params.push(
          a.id,
          i.kind,
          i.channel,
          i.via ?? null,
          i.language,
          i.kind === 'text' ? i.category : null,
          i.kind === 'text' ? s.seal(i.text) : null,
          i.kind === 'callRequest' ? i.media : null,
          i.location?.lat ?? null,
          i.location?.lon ?? null,
          a.routing.departmentId,
          a.routing.by,
          i.anonymous,
          i.anonymous || !i.applicant ? null : s.sealJson(i.applicant),
          a.citizenTokenHash,
          s.sealNullable(i.addressText ?? null),
        );
        const p = (k: number) => `$${n * COLUMNS + k}`;
        return `(${p(1)}::uuid, extract(year from now())::int || '-' || lpad(nextval('appeal_numbers')::text, 6, '0'),
          ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}::float8, ${p(10)}::float8, ${p(11)}, ${p(12)},
          ${p(13)}::boolean, ${p(14)}, 'registered', ${p(15)}, ${p(16)})`;
      });
      const rows = await db.query<AppealRow>(
        `insert into appeals (id, number, kind, channel, via, language, category, text, media, lat, lon,
           department_id, routed_by, anonymous, applicant, status, citizen_token_hash, address_text)
         values ${tuples.join(',\n')} returning *`,
        params,
      );
      const byId = new Map(rows.map((r) => [r.id, rowToAppeal(s, r, [])]));
      return appeals.map((a) => {
        const appeal = byId.get(a.id);
        if (!appeal) throw new Error('insert returned fewer appeals than it was given');
        return appeal;
      });
    },

    async byId(id: string): Promise<{ appeal: AppealStaffView; citizenTokenHash: string } | null> {
      const row = (await db.query<AppealRow>('select * from appeals where id = $1', [id]))[0];
      return row
        ? {
            appeal: rowToAppeal(db.sealed, row, await attachmentsOf(id)),
            citizenTokenHash: row.citizen_token_hash,
          }
        : null;
    },

    /** The newest appeals of the given departments (null = every department) and of the fallback queue. */
    async listForStaff(departmentIds: string[] | null, limit: number): Promise<AppealStaffView[]> {
      const rows = await db.query<AppealRow>(
        `select * from appeals
         where $1::text[] is null or department_id = any($1::text[]) or department_id is null
         order by created_at desc limit $2`,
        [departmentIds, limit],
      );
      return rows.map((r) => rowToAppeal(db.sealed, r, []));
    },

    /**
     * In the caller's transaction: the appeal's new status (the citizen is told of each change of its card,
     * seed 000); answers the appeal's department, or null when there is no such appeal.
     */
    async setStatus(
      tx: Sql,
      id: string,
      status: AppealStatus,
    ): Promise<{ departmentId: string | null } | null> {
      const rows = await tx.query<{ department_id: string | null }>(
        'update appeals set status = $2, updated_at = now() where id = $1 returning department_id',
        [id, status],
      );
      return rows[0] ? { departmentId: rows[0].department_id } : null;
    },

    /** The departments of the given appeals (null: the fallback queue); an unknown id is missing. */
    async departmentsOf(tx: Sql, ids: readonly string[]): Promise<Map<string, string | null>> {
      if (ids.length === 0) return new Map();
      const rows = await tx.query<{ id: string; department_id: string | null }>(
        'select id, department_id from appeals where id = any($1::uuid[])',
        [ids],
      );
      return new Map(rows.map((r) => [r.id, r.department_id]));
    },

    /** The first operator to accept a call request gets it; answers null when someone was faster. */
    async acceptCall(id: string, operatorId: string): Promise<{ departmentId: string | null } | null> {
      const rows = await db.query<{ department_id: string | null }>(
        `update appeals set accepted_by = $2, status = 'inProgress', updated_at = now()
         where id = $1 and kind in ('callRequest', 'sos') and accepted_by is null and status = 'registered'
         returning department_id`,
        [id, operatorId],
      );
      return rows[0] ? { departmentId: rows[0].department_id } : null;
    },

    /**
     * Adds an attachment as the appeal's `position`-th unless it already has `max`: the appeal's row is
     * locked first, so uploads arriving at once are counted one after another and the limit holds.
     */
    async addAttachmentWithinLimit(
      appealId: string,
      max: number,
      build: (position: number) => Attachment & { storageName: string },
    ): Promise<Attachment | null> {
      return db.transaction(async (tx) => {
        await tx.query('select 1 from appeals where id = $1 for update', [appealId]);
        const counted = await tx.query<{ n: number | string }>(
          'select count(*) as n from attachments where appeal_id = $1',
          [appealId],
        );
        const count = Number(counted[0]?.n ?? 0);
        if (count >= max) return null;
        const { storageName, ...a } = build(count + 1);
        await tx.query(
          `insert into attachments (id, appeal_id, kind, name, content_type, bytes, storage_name) values ($1, $2, $3, $4, $5, $6, $7)`,
          [a.id, appealId, a.kind, tx.sealed.seal(a.name), a.contentType, a.bytes, storageName],
        );
        return a;
      });
    },

    /** The operator who accepted the call (null: nobody yet, or no such call): the check of every signal. */
    async acceptedBy(id: string): Promise<string | null> {
      const rows = await db.query<{ accepted_by: string | null }>(
        'select accepted_by from appeals where id = $1',
        [id],
      );
      return rows[0]?.accepted_by ?? null;
    },

    /**
     * Who may take a call: its territory, the caller's place (the neighbours of an escalated call take it too)
     * and whether it waited past its escalation time; null when there is no such appeal.
     */
    async callReach(id: string): Promise<CallReach | null> {
      const rows = await db.query<{
        department_id: string | null;
        lat: number | null;
        lon: number | null;
        escalated: boolean;
      }>('select department_id, lat, lon, escalated_at is not null as escalated from appeals where id = $1', [
        id,
      ]);
      const r = rows[0];
      if (!r) return null;
      const location = r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon };
      return { departmentId: r.department_id, location, escalated: r.escalated };
    },

    /** Marks a call still waiting as escalated, once: false when it was answered, withdrawn or escalated already. */
    async escalateCall(id: string): Promise<boolean> {
      const rows = await db.query<{ id: string }>(
        `update appeals set escalated_at = now()
         where id = $1 and kind in ('callRequest', 'sos') and accepted_by is null and status = 'registered'
           and escalated_at is null
         returning id`,
        [id],
      );
      return rows.length > 0;
    },

    /** Calls of a territory waiting for an operator, in the order they are answered: SOS first, then oldest. */
    async waitingCalls(departmentId: string | null): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `select id from appeals
         where kind in ('callRequest', 'sos') and accepted_by is null and status = 'registered'
           and department_id is not distinct from $1
         order by (kind = 'sos') desc, created_at, id`,
        [departmentId],
      );
      return rows.map((r) => r.id);
    },

    /** The caller's device moved: the appeal keeps the last place (the card takes it from there). */
    async moveCaller(id: string, location: LatLon): Promise<{ departmentId: string | null } | null> {
      const rows = await db.query<{ department_id: string | null }>(
        `update appeals set lat = $2, lon = $3, updated_at = now()
         where id = $1 and kind in ('callRequest', 'sos') and status in ('registered', 'inProgress')
         returning department_id`,
        [id, location.lat, location.lon],
      );
      return rows[0] ? { departmentId: rows[0].department_id } : null;
    },

    /**
     * A call nobody accepted yet is withdrawn (the citizen hung up or vanished): closed, unless an operator
     * accepted it in the same instant (then null, and the call goes on).
     */
    async withdrawCall(id: string): Promise<{ departmentId: string | null } | null> {
      const rows = await db.query<{ department_id: string | null }>(
        `update appeals set status = 'closed', updated_at = now()
         where id = $1 and kind in ('callRequest', 'sos') and accepted_by is null and status = 'registered'
         returning department_id`,
        [id],
      );
      return rows[0] ? { departmentId: rows[0].department_id } : null;
    },

    async storedAttachment(
      appealId: string,
      attachmentId: string,
    ): Promise<{ contentType: string; storageName: string; bytes: number; purged: boolean } | null> {
      const rows = await db.query<AttachmentRow>(
        'select * from attachments where appeal_id = $1 and id = $2',
        [appealId, attachmentId],
      );
      const r = rows[0];
      return r
        ? {
            contentType: r.content_type,
            storageName: r.storage_name,
            bytes: Number(r.bytes),
            purged: r.purged_at !== null,
          }
        : null;
    },

    /** In the caller's transaction: the line goes into the change feed with it. */
    async addChat(
      tx: Sql,
      m: { id: string; appealId: string; from: 'citizen' | 'staff'; accountId: string | null; text: string },
    ): Promise<ChatMessage> {
      const rows = await tx.query<ChatRow>(
        `insert into chat_messages (id, appeal_id, sender, account_id, text) values ($1, $2, $3, $4, $5) returning *`,
        [m.id, m.appealId, m.from, m.accountId, tx.sealed.seal(m.text)],
      );
      const row = rows[0];
      if (!row) throw new Error('insert returned no message');
      return rowToChat(tx.sealed, row);
    },

    async chat(appealId: string): Promise<ChatMessage[]> {
      const rows = await db.query<ChatRow>(
        'select * from chat_messages where appeal_id = $1 order by created_at, id',
        [appealId],
      );
      return rows.map((r) => rowToChat(db.sealed, r));
    },
  };
}
export type AppealRepository = ReturnType<typeof createAppealRepository>;
