import { refusal } from '../../domain/contract/refusal';
import type { SyncOperation } from '../../domain/sync/sync';
import { mayTouchCard, roleRefusal } from '../access/rules';
import { appendToAuditChain } from '../audit/auditLogRepository';
import { cardReach } from '../cards/cardRepository';
import type { Sql } from '../db/database';
import { feedRepository } from '../feed/feedRepository';
import type { Principal } from '../session/principal';
import { type OperationDeps, type Outcome, refused } from './outcome';
import { referenceRepository } from '../references/referenceRepository';

type QueuedCheck = Extract<SyncOperation, { type: 'reference.check' }>;

/**
 * §15: a check the duty officer made while central was out of reach, made now (issue 14 item 5). The audit entry,
 * the check and its warnings are written in the push's transaction, so the operation that arrives twice is
 * checked, audited and warned of once; the warnings go to the card's units after commit, as the route's do.
 */
export async function applyQueuedCheck(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  op: QueuedCheck,
): Promise<Outcome> {
  const forbidden = roleRefusal(p, 'references.check');
  if (forbidden) return refused(forbidden, `role ${p.role} may not references.check`);
  const stored = await deps.cards.byId(tx, op.cardId);
  if (!stored || !mayTouchCard(p, cardReach(stored)))
    return refused(refusal('card.notFound'), 'no such card in your territory');
  const { person, reason } = op.payload;
  await appendToAuditChain(tx, [
    { accountId: p.accountId, action: 'reference.check', subjectId: op.cardId, reason },
  ]);
  const records = await referenceRepository.find(tx, person);
  const { warnings } = await referenceRepository.recordCheck(tx, {
    checkId: op.id,
    cardId: op.cardId,
    accountId: p.accountId,
    person,
    reason,
    records,
  });
  return {
    ok: true,
    seq: await feedRepository.lastSeq(tx),
    card: null,
    events: warnings.map((warning) => ({
      kind: 'card.warning' as const,
      departmentId: stored.card.departmentId ?? null,
      ownerId: stored.createdBy,
      warning,
    })),
  };
}
