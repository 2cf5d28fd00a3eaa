import { refusal } from '../../domain/contract/refusal';
import type { SyncOperation } from '../../domain/sync/sync';
import { mayTouchAppeal, mayTouchCard, roleRefusal } from '../access/rules';
import { addChatLine } from '../appeals/chatLines';
import type { Principal } from '../session/principal';
import type { Sql } from '../db/database';
import { feedRepository } from '../feed/feedRepository';
import { type InboxActionResult, claimAppeal, forwardAppeal, linkDuplicate } from '../inbox/inboxActions';
import { cardReach } from '../cards/cardRepository';
import { applyRecordingMeta } from '../recordings/applyRecordingMeta';
import { applyQueuedCheck } from './queuedCheck';
import { applyDispatch } from './unitDispatch';
import { applyCardTransition, applyCardUpdate } from './cardWrites';
import { type OperationDeps, type Outcome, refused } from './outcome';

/** Operations applied one at a time; new cards go through `applyCardCreates`, a run at a time. */
export type SingleOperation = Exclude<SyncOperation, { type: 'card.create' }>;
type ChatLine = Extract<SyncOperation, { type: 'chat.message' }>;

/** Applies one operation inside the caller's transaction, which holds the change feed's lock. */
export async function applyOperation(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  op: SingleOperation,
): Promise<Outcome> {
  switch (op.type) {
    case 'card.update':
      return applyCardUpdate(tx, deps, p, op);
    case 'card.transition':
      return applyCardTransition(tx, deps, p, op);
    case 'chat.message':
      return applyChatLine(tx, deps, p, op);
    case 'recording.meta':
      return applyRecordingMeta(tx, deps, p, op);
    case 'inbox.claim':
      return inboxOutcome(tx, await claimAppeal(tx, p, op.payload.appealId));
    case 'inbox.link': {
      const stored = await deps.cards.byId(tx, op.cardId);
      const card =
        stored && mayTouchCard(p, cardReach(stored))
          ? { id: stored.card.id, departmentId: stored.card.departmentId ?? null, status: stored.card.status }
          : null;
      return inboxOutcome(tx, await linkDuplicate(tx, p, op.payload.appealId, card));
    }
    case 'inbox.forward': {
      const { appealId, ...input } = op.payload;
      return inboxOutcome(tx, await forwardAppeal(tx, p, appealId, input));
    }
    case 'units.dispatch':
      return applyDispatch(tx, deps, p, op);
    case 'reference.check':
      return applyQueuedCheck(tx, deps, p, op);
  }
}

/** An inbox action queued on a console while central was out of reach: the route's rule, its answer as an outcome. */
async function inboxOutcome<T>(tx: Sql, result: InboxActionResult<T>): Promise<Outcome> {
  if (!result.ok) return refused(result.refusal, result.reason);
  return { ok: true, seq: await feedRepository.lastSeq(tx), card: null, events: result.events };
}

/** A dispatcher's line to the citizen of an appeal of the principal's territory. */
async function applyChatLine(tx: Sql, deps: OperationDeps, p: Principal, op: ChatLine): Promise<Outcome> {
  const forbidden = roleRefusal(p, 'appeals.chat');
  if (forbidden) return refused(forbidden, `role ${p.role} may not appeals.chat`);
  const { appealId } = op.payload;
  const departments = await deps.appeals.departmentsOf(tx, [appealId]);
  const appeal = departments.has(appealId)
    ? { id: appealId, departmentId: departments.get(appealId) ?? null }
    : null;
  if (!appeal || !mayTouchAppeal(p, appeal))
    return refused(refusal('appeal.notFound'), 'no such appeal in your territory');
  // The operation's id is the message's: the console knows its own line when the feed returns it.
  const { message, seq } = await addChatLine(tx, deps.appeals, {
    id: op.id,
    appeal,
    from: 'staff',
    accountId: p.accountId,
    text: op.payload.text,
  });
  return {
    ok: true,
    seq,
    card: null,
    events: [{ kind: 'chat.message', departmentId: appeal.departmentId, message }],
  };
}
