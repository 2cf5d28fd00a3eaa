import { type CardFields, EMPTY_CARD_FIELDS, withoutIdentity } from '../../domain/cards/card';
import { takeWaitingAppeals } from '../inbox/takeWaitingAppeals';
import { refusal } from '../../domain/contract/refusal';
import { can } from '../../domain/session/roles';
import type { SyncOperation } from '../../domain/sync/sync';
import type { Principal } from '../session/principal';
import type { Sql } from '../db/database';
import { deservesRegisterNumber } from '../cards/registerNumber';
import { appendChanges } from './changeFeed';
import {
  numberPrefix,
  type OperationDeps,
  type Outcome,
  outsideCountry,
  refused,
  unknownDepartment,
} from './operations';

export type CardCreate = Extract<SyncOperation, { type: 'card.create' }>;

/**
 * Applies a run of consecutive `card.create` operations with a few statements for the whole run instead of
 * several per card: a console coming back online sends hundreds of new cards at once (sync-replay bench).
 * Each operation is decided on its own, as if applied alone: a refusal is decided before any write.
 * The caller's transaction holds the change feed's lock.
 */
export async function applyCardCreates(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  ops: readonly CardCreate[],
): Promise<Outcome[]> {
  if (!can(p.role, 'cards.write'))
    return ops.map(() =>
      refused(
        refusal('role.forbidden', { role: p.role, action: 'cards.write' }),
        `role ${p.role} may not cards.write`,
      ),
    );
  const exists = () => refused(refusal('card.exists'), 'a card with this id already exists');
  const existing = new Set(
    (
      await tx.query<{ id: string }>('select id from cards where id = any($1::uuid[])', [
        ops.map((o) => o.cardId),
      ])
    ).map((r) => r.id),
  );

  type Accepted = {
    index: number;
    op: CardCreate;
    fields: CardFields;
    departmentId: string | null;
    /** The register number's prefix, or null while the card has no content to number (registerNumber.ts). */
    prefix: string | null;
  };
  const outcomes: Outcome[] = [];
  const accepted: Accepted[] = [];
  ops.forEach((op, index) => {
    const fields: CardFields = withoutIdentity({ ...EMPTY_CARD_FIELDS, ...op.payload.fields });
    const refusedCreate = existing.has(op.cardId)
      ? exists()
      : (unknownDepartment(deps.departments, fields) ?? outsideCountry(deps.inCountry, fields));
    if (refusedCreate) {
      outcomes[index] = refusedCreate;
      return;
    }
    existing.add(op.cardId);
    const { departmentId } = deps.territories.route(fields.location, fields.chosenDepartmentId);
    const prefix = deservesRegisterNumber(fields) ? numberPrefix(deps.departments, departmentId) : null;
    accepted.push({ index, op, fields, departmentId, prefix });
  });

  const reserved = await deps.cards.reserveNumbers(
    tx,
    accepted.flatMap((a) => (a.prefix ? [a.prefix] : [])),
  );
  const numbers = accepted.map((a) => (a.prefix ? (reserved.shift() ?? null) : null));
  const stored = await deps.cards.insertMany(
    tx,
    accepted.map((a, i) => ({
      id: a.op.cardId,
      number: numbers[i] ?? null,
      departmentId: a.departmentId,
      fields: a.fields,
      localNumber: null,
      createdBy: p.accountId,
    })),
  );
  // A concurrent transaction may have created one of these cards since the check above: that one is
  // refused like any create of an existing card (its reserved number stays unused).
  const inserted = accepted.filter((a) => stored.has(a.op.cardId));
  for (const a of accepted) if (!stored.has(a.op.cardId)) outcomes[a.index] = exists();

  const cards = inserted.map((a) => {
    const card = stored.get(a.op.cardId);
    if (!card) throw new Error('inserted card vanished');
    return { a, card };
  });
  const seqs = await appendChanges(
    tx,
    cards.map(({ card }) => ({
      entity: 'card' as const,
      entityId: card.card.id,
      departmentId: card.card.departmentId ?? null,
      ownerId: card.createdBy,
      payload: card.card,
    })),
  );
  // A card opened from a waiting appeal takes it out of the inbox; the citizen sees "in progress" (issue 12).
  const taken = await takeWaitingAppeals(
    tx,
    cards.flatMap(({ card }) => (card.fields.appealId ? [card.fields.appealId] : [])),
  );
  cards.forEach(({ a, card }, i) => {
    const seq = seqs[i] ?? 0;
    const departmentId = card.card.departmentId ?? null;
    const appeal = taken.find((t) => t.appealId === card.fields.appealId);
    outcomes[a.index] = {
      ok: true,
      seq,
      card: card.card,
      events: [
        { kind: 'card.changed', departmentId, ownerId: card.createdBy, seq, card: card.card },
        ...(appeal ? [{ kind: 'appeal.status' as const, ...appeal, status: 'inProgress' as const }] : []),
      ],
    };
  });
  return outcomes;
}
