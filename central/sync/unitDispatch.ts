import { refusal } from '../../domain/contract/refusal';
import type { SyncOperation } from '../../domain/sync/sync';
import type { Unit } from '../../domain/dispatch/unit';
import { mayCommandUnit, mayTouchCard, roleRefusal } from '../access/rules';
import { cardReach } from '../cards/cardRepository';
import type { Sql } from '../db/database';
import type { Principal } from '../session/principal';
import { cardChanged } from './cardWrites';
import { type OperationDeps, type Outcome, refused } from './outcome';
import { dispatchRepository } from '../units/dispatchRepository';
import { unitRepository } from '../units/unitRepository';

type Dispatch = Extract<SyncOperation, { type: 'units.dispatch' }>;

/** The card statuses a unit may be sent to: sent to the inspector, or in response (§13). */
const OPEN_FOR_DISPATCH = new Set(['sentToInspector', 'inResponse', 'forwardedToDuty', 'registered']);

/**
 * §13: the units go to the card — each unit's status (free → en route, with the card) and the card (the units
 * it was sent) change in the caller's transaction, every step recorded with who and when; a unit that is not
 * free, of another territory or unknown refuses the whole operation, so nothing half-happens.
 */
export async function applyDispatch(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  op: Dispatch,
): Promise<Outcome> {
  const forbidden = roleRefusal(p, 'units.dispatch');
  if (forbidden) return refused(forbidden, `role ${p.role} may not units.dispatch`);
  const current = await deps.cards.lock(tx, op.cardId);
  if (!current) return refused(refusal('card.notFound'), 'no such card');
  if (!mayTouchCard(p, cardReach(current)))
    return refused(refusal('card.otherTerritory'), 'the card belongs to another territory');
  if (current.card.status === 'closed') return refused(refusal('card.closed'), 'the card is closed');
  if (!OPEN_FOR_DISPATCH.has(current.card.status))
    return refused(
      refusal('card.wrongStatus', { action: 'units.dispatch', status: current.card.status }),
      `cannot dispatch to a card that is ${current.card.status}`,
    );
  const { unitIds } = op.payload;
  const units = await unitRepository.lock(tx, unitIds);
  for (const id of unitIds) {
    const stored = units.get(id);
    // Another territory's unit is as unknown as a unit that does not exist.
    if (!stored || !mayCommandUnit(p, stored.unit))
      return refused(refusal('unit.notFound'), `no unit ${id} in your territory`);
    if (stored.unit.status !== 'free')
      return refused(
        refusal('unit.notFree', { callSign: stored.unit.callSign, status: stored.unit.status }),
        `unit ${id} is ${stored.unit.status}`,
      );
  }
  const sent: Unit[] = [];
  for (const id of unitIds) sent.push(await unitRepository.setStatus(tx, id, 'enRoute', op.cardId));
  await unitRepository.recordSteps(
    tx,
    unitIds.map((unitId) => ({
      unitId,
      cardId: op.cardId,
      from: 'free' as const,
      to: 'enRoute' as const,
      accountId: p.accountId,
      operationId: op.id,
    })),
  );
  const stored = await dispatchRepository.addToCard(tx, op.cardId, unitIds);
  return cardChanged(tx, stored, [{ kind: 'units.changed', units: sent }]);
}
