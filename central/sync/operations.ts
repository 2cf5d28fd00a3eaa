import { type AppealStatus, citizenStatusOfCard } from '../../domain/appeals/appeal';
import { type Card, type CardFields, withoutIdentity } from '../../domain/cards/card';
import { mayEditFields } from '../../domain/cards/cardActions';
import type { CountryCheck } from '../../domain/places/country';
import { type Refusal, refusal } from '../../domain/contract/refusal';
import { can, inScope } from '../../domain/session/roles';
import type { SyncOperation } from '../../domain/sync/sync';
import { decideTransition } from '../../domain/cards/workflow';
import type { Principal } from '../session/principal';
import { rowToChat } from '../appeals/appealRepository';
import type { Sql } from '../db/database';
import type { CardRepository, StoredCard } from '../cards/cardRepository';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import type { CentralEvent } from '../realtime/events';
import type { TerritoryService } from '../territories/territoryService';
import { applyRecordingMeta } from '../recordings/applyRecordingMeta';
import type { RecordingRepository } from '../recordings/recordingRepository';
import { deservesRegisterNumber } from '../cards/registerNumber';
import { appendChange } from './changeFeed';

/**
 * What applying one operation did: its feed position and the events to publish after commit, or its
 * refusal (a code of domain/contract/refusal.ts for the screens, an English `reason` for developers' logs).
 */
export type Outcome =
  | { ok: true; seq: number; card: Card | null; events: CentralEvent[] }
  | { ok: false; refusal: Refusal; reason: string };

export const refused = (r: Refusal, reason: string): Outcome => ({ ok: false, refusal: r, reason });

/**
 * A place outside the Republic is refused (§8: cards are routed by the territory of the incident, and
 * there is none abroad). Only a place the operation sets is checked, so a card stored earlier stays editable.
 * Inside the country but outside every territory is routed to the fallback queue and only warned about.
 */
export function outsideCountry(inCountry: CountryCheck, fields: Partial<CardFields>): Outcome | null {
  return fields.location && !inCountry(fields.location)
    ? refused(refusal('card.outsideCountry'), 'the place is outside Kazakhstan')
    : null;
}

/** An unknown department chosen for a card, refused before anything is written. */
export function unknownDepartment(
  departments: DepartmentDirectory,
  fields: Partial<CardFields>,
): Outcome | null {
  const chosen = fields.chosenDepartmentId;
  return chosen && !departments.get(chosen)
    ? refused(refusal('department.unknown', { departmentId: chosen }), `unknown department ${chosen}`)
    : null;
}

/** The department code a register number starts with (`KZ`: the fallback queue). */
export function numberPrefix(departments: DepartmentDirectory, departmentId: string | null): string {
  return departmentId ? (departments.get(departmentId)?.code ?? 'KZ') : 'KZ';
}

export interface OperationDeps {
  cards: CardRepository;
  departments: DepartmentDirectory;
  territories: TerritoryService;
  recordings: RecordingRepository;
  /** Whether a place lies in Kazakhstan, over the outline central loads once at start. */
  inCountry: CountryCheck;
}

/** Operations applied one at a time; new cards go through `applyCardCreates`, a run at a time. */
export type SingleOperation = Exclude<SyncOperation, { type: 'card.create' }>;

/**
 * Applies one operation inside the caller's transaction, which holds the change feed's lock. Every
 * refusal is decided before the first write, so a rejected operation leaves nothing behind but its own record.
 */
export async function applyOperation(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  op: SingleOperation,
): Promise<Outcome> {
  const { cards, departments, territories } = deps;
  const canTouch = (c: StoredCard) =>
    inScope(p.scope, c.card.departmentId ?? null) || c.createdBy === p.accountId;

  const mayNot = (action: 'cards.write' | 'appeals.chat') =>
    refused(refusal('role.forbidden', { role: p.role, action }), `role ${p.role} may not ${action}`);
  const noCard = () => refused(refusal('card.notFound'), 'no such card');
  const otherTerritory = () =>
    refused(refusal('card.otherTerritory'), 'the card belongs to another territory');

  async function cardChanged(stored: StoredCard, extra: CentralEvent[] = []): Promise<Outcome> {
    const departmentId = stored.card.departmentId ?? null;
    const seq = await appendChange(tx, {
      entity: 'card',
      entityId: stored.card.id,
      departmentId,
      ownerId: stored.createdBy,
      payload: stored.card,
    });
    return {
      ok: true,
      seq,
      card: stored.card,
      events: [
        { kind: 'card.changed', departmentId, ownerId: stored.createdBy, seq, card: stored.card },
        ...extra,
      ],
    };
  }

  switch (op.type) {
    case 'card.update': {
      if (!can(p.role, 'cards.write')) return mayNot('cards.write');
      const current = await cards.lock(tx, op.cardId);
      if (!current) return noCard();
      if (!canTouch(current)) return otherTerritory();
      // The same rule the console's form follows (domain/cards/cardActions.ts); the refusal says which half of it.
      if (!mayEditFields(p.role, current.card.status))
        return current.card.status === 'closed'
          ? refused(refusal('card.closed'), 'the card is closed')
          : refused(refusal('card.sentNotEditable'), 'an operator edits a card only until it is sent');
      const { baseVersion } = op.payload;
      const version = current.card.version ?? 0;
      if (baseVersion !== undefined && baseVersion !== version) {
        return refused(
          refusal('card.stale', { version, baseVersion }),
          `stale: the card is at version ${version}, the change was made on ${baseVersion}`,
        );
      }
      const bad =
        unknownDepartment(departments, op.payload.fields) ??
        outsideCountry(deps.inCountry, op.payload.fields);
      if (bad) return bad;
      const fields: CardFields = withoutIdentity({ ...current.fields, ...op.payload.fields });
      // A draft follows its location (§8). A sent card keeps its department, except one in the fallback
      // queue: whoever fixes its location or chooses its region hands it to that department.
      const held = current.card.departmentId ?? null;
      const departmentId =
        current.card.status === 'draft' || held === null
          ? territories.route(fields.location, fields.chosenDepartmentId).departmentId
          : held;
      const numbered =
        !current.card.number && deservesRegisterNumber(fields)
          ? [numberPrefix(departments, departmentId)]
          : [];
      const [number] = await cards.reserveNumbers(tx, numbered);
      const stored = await cards.update(tx, op.cardId, {
        fields,
        departmentId,
        status: current.card.status,
        kuizhNumber: current.card.kuizhNumber ?? null,
        ...(number ? { number } : {}),
      });
      return cardChanged(stored);
    }

    case 'card.transition': {
      if (!can(p.role, 'cards.write')) return mayNot('cards.write');
      const current = await cards.lock(tx, op.cardId);
      if (!current) return noCard();
      if (!canTouch(current)) return otherTerritory();
      const decision = decideTransition(
        { status: current.card.status, fields: current.fields },
        op.payload,
        p.role,
      );
      if (!decision.ok) return refused(decision.refusal, decision.reason);
      const stored = await cards.update(tx, op.cardId, {
        fields: current.fields,
        departmentId: current.card.departmentId ?? null,
        status: decision.to,
        kuizhNumber: op.payload.kuizhNumber ?? current.card.kuizhNumber ?? null,
      });
      await cards.recordTransition(tx, {
        cardId: op.cardId,
        transition: op.payload.transition,
        from: current.card.status,
        to: decision.to,
        accountId: p.accountId,
        note: op.payload.note ?? null,
      });
      const extra: CentralEvent[] = [];
      const appealId = current.fields.appealId;
      if (appealId) {
        // The citizen is told of each status change (seed 000).
        const status: AppealStatus = citizenStatusOfCard(decision.to);
        const rows = await tx.query<{ department_id: string | null }>(
          'update appeals set status = $2, updated_at = now() where id = $1 returning department_id',
          [appealId, status],
        );
        if (rows[0])
          extra.push({ kind: 'appeal.status', departmentId: rows[0].department_id, appealId, status });
      }
      return cardChanged(stored, extra);
    }

    case 'chat.message': {
      if (!can(p.role, 'appeals.chat')) return mayNot('appeals.chat');
      const appeal = (
        await tx.query<{ department_id: string | null }>('select department_id from appeals where id = $1', [
          op.payload.appealId,
        ])
      )[0];
      if (!appeal || !inScope(p.scope, appeal.department_id))
        return refused(refusal('appeal.notFound'), 'no such appeal in your territory');
      const rows = await tx.query<Parameters<typeof rowToChat>[0]>(
        `insert into chat_messages (id, appeal_id, sender, account_id, text) values ($1, $2, 'staff', $3, $4) returning *`,
        // The operation's id is the message's: the console knows its own line when the feed returns it.
        [op.id, op.payload.appealId, p.accountId, op.payload.text],
      );
      const row = rows[0];
      if (!row) throw new Error('insert returned no message');
      const message = rowToChat(row);
      const seq = await appendChange(tx, {
        entity: 'chat',
        entityId: message.id,
        departmentId: appeal.department_id,
        ownerId: p.accountId,
        payload: message,
      });
      return {
        ok: true,
        seq,
        card: null,
        events: [{ kind: 'chat.message', departmentId: appeal.department_id, message }],
      };
    }

    case 'recording.meta':
      return applyRecordingMeta(tx, deps, p, op);
  }
}
