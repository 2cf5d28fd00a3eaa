import type { AppealStatus } from '../../domain/appeal';
import type { Card, CardFields } from '../../domain/card';
import { can, inScope } from '../../domain/roles';
import type { SyncOperation } from '../../domain/sync';
import { decideTransition } from '../../domain/workflow';
import type { Principal } from '../accounts/principal';
import { rowToChat } from '../appeals/appealRepository';
import type { Sql } from '../db/database';
import type { CardRepository, StoredCard } from '../cards/cardRepository';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import type { CentralEvent } from '../realtime/events';
import type { TerritoryService } from '../territories/territoryService';
import { applyRecordingMeta } from '../recordings/applyRecordingMeta';
import type { RecordingRepository } from '../recordings/recordingRepository';
import { appendChange } from './changeFeed';

/** What applying one operation did: its feed position and the events to publish after commit. */
export type Outcome =
  { ok: true; seq: number; card: Card | null; events: CentralEvent[] } | { ok: false; reason: string };

export interface OperationDeps {
  cards: CardRepository;
  departments: DepartmentDirectory;
  territories: TerritoryService;
  recordings: RecordingRepository;
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

  const unknownDepartment = (f: Partial<CardFields>) =>
    f.chosenDepartmentId && !departments.get(f.chosenDepartmentId)
      ? `unknown department ${f.chosenDepartmentId}`
      : null;

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
      if (!can(p.role, 'cards.write')) return { ok: false, reason: `role ${p.role} may not write cards` };
      const current = await cards.lock(tx, op.cardId);
      if (!current) return { ok: false, reason: 'no such card' };
      if (!canTouch(current)) return { ok: false, reason: 'the card belongs to another territory' };
      if (current.card.status === 'closed') return { ok: false, reason: 'the card is closed' };
      if (p.role === 'operator' && current.card.status !== 'draft')
        return { ok: false, reason: 'an operator edits a card only until it is sent' };
      const { baseVersion } = op.payload;
      if (baseVersion !== undefined && baseVersion !== current.card.version) {
        return {
          ok: false,
          reason: `stale: the card is at version ${current.card.version}, the change was made on ${baseVersion}`,
        };
      }
      const bad = unknownDepartment(op.payload.fields);
      if (bad) return { ok: false, reason: bad };
      const fields: CardFields = { ...current.fields, ...op.payload.fields };
      // A draft follows its location (§8). A sent card keeps its department, except one in the fallback
      // queue: whoever fixes its location or chooses its region hands it to that department.
      const held = current.card.departmentId ?? null;
      const departmentId =
        current.card.status === 'draft' || held === null
          ? territories.route(fields.location, fields.chosenDepartmentId).departmentId
          : held;
      const stored = await cards.update(tx, op.cardId, {
        fields,
        departmentId,
        status: current.card.status,
        kuizhNumber: current.card.kuizhNumber ?? null,
      });
      return cardChanged(stored);
    }

    case 'card.transition': {
      if (!can(p.role, 'cards.write')) return { ok: false, reason: `role ${p.role} may not write cards` };
      const current = await cards.lock(tx, op.cardId);
      if (!current) return { ok: false, reason: 'no such card' };
      if (!canTouch(current)) return { ok: false, reason: 'the card belongs to another territory' };
      const decision = decideTransition(
        { status: current.card.status, fields: current.fields },
        op.payload,
        p.role,
      );
      if (!decision.ok) return { ok: false, reason: decision.reason };
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
        const status: AppealStatus = decision.to === 'closed' ? 'closed' : 'inProgress';
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
      if (!can(p.role, 'appeals.chat'))
        return { ok: false, reason: `role ${p.role} may not chat with citizens` };
      const appeal = (
        await tx.query<{ department_id: string | null }>('select department_id from appeals where id = $1', [
          op.payload.appealId,
        ])
      )[0];
      if (!appeal || !inScope(p.scope, appeal.department_id))
        return { ok: false, reason: 'no such appeal in your territory' };
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
