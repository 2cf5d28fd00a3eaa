import { type CardFields, EMPTY_CARD_FIELDS } from '../../domain/card';
import { can } from '../../domain/roles';
import type { SyncOperation } from '../../domain/sync';
import type { Principal } from '../accounts/principal';
import type { Sql } from '../db/database';
import { appendChanges } from './changeFeed';
import type { OperationDeps, Outcome } from './operations';

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
    return ops.map(() => ({ ok: false, reason: `role ${p.role} may not write cards` }));
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
    code: string;
  };
  const outcomes: Outcome[] = [];
  const accepted: Accepted[] = [];
  ops.forEach((op, index) => {
    const fields: CardFields = { ...EMPTY_CARD_FIELDS, ...op.payload.fields };
    const refusal = existing.has(op.cardId)
      ? 'a card with this id already exists'
      : fields.chosenDepartmentId && !deps.departments.get(fields.chosenDepartmentId)
        ? `unknown department ${fields.chosenDepartmentId}`
        : null;
    if (refusal) {
      outcomes[index] = { ok: false, reason: refusal };
      return;
    }
    existing.add(op.cardId);
    const { departmentId } = deps.territories.route(fields.location, fields.chosenDepartmentId);
    const code = departmentId ? (deps.departments.get(departmentId)?.code ?? 'KZ') : 'KZ';
    accepted.push({ index, op, fields, departmentId, code });
  });

  const numbers = await deps.cards.reserveNumbers(
    tx,
    accepted.map((a) => a.code),
  );
  const stored = await deps.cards.insertMany(
    tx,
    accepted.map((a, i) => ({
      id: a.op.cardId,
      number: numbers[i] ?? '',
      departmentId: a.departmentId,
      fields: a.fields,
      localNumber: null,
      createdBy: p.accountId,
    })),
  );
  // A concurrent transaction may have created one of these cards since the check above: that one is
  // refused like any create of an existing card (its reserved number stays unused).
  const inserted = accepted.filter((a) => stored.has(a.op.cardId));
  for (const a of accepted)
    if (!stored.has(a.op.cardId))
      outcomes[a.index] = { ok: false, reason: 'a card with this id already exists' };

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
  cards.forEach(({ a, card }, i) => {
    const seq = seqs[i] ?? 0;
    const departmentId = card.card.departmentId ?? null;
    outcomes[a.index] = {
      ok: true,
      seq,
      card: card.card,
      events: [{ kind: 'card.changed', departmentId, ownerId: card.createdBy, seq, card: card.card }],
    };
  });
  return outcomes;
}
