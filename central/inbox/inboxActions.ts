import { type Refusal, refusal } from '../../domain/contract/refusal';
import type { CompetentService, ForwardInput } from '../../domain/inbox/inbox';
import { mayTouchAppeal, roleRefusal } from '../access/rules';
import type { CentralEvent } from '../bus/events';
import type { Sql } from '../db/database';
import type { Principal } from '../session/principal';
import { createServiceDirectory } from '../services/serviceRepository';
import { createInboxRepository } from './inboxRepository';
import { takeWaitingAppeals } from './waitingAppealRepository';

/** An inbox action done (with the events to publish after commit), or refused with an HTTP status and a code. */
export type InboxActionResult<T> =
  | { ok: true; value: T; events: CentralEvent[] }
  | { ok: false; status: number; refusal: Refusal; reason: string };

const no = (status: number, r: Refusal, reason: string) => ({
  ok: false as const,
  status,
  refusal: r,
  reason,
});

/**
 * The inbox's two actions on central, one rule for both doors: the route (a console online) and the sync push
 * (an action the console queued while central was out of reach). `sql` is the caller's connection or transaction.
 */
async function waitingInScope(sql: Sql, p: Principal, appealId: string) {
  const forbidden = roleRefusal(p, 'cards.write');
  if (forbidden) return no(403, forbidden, `role ${p.role} may not cards.write`);
  const appeal = await createInboxRepository(sql).stateOf(appealId);
  if (!appeal || !mayTouchAppeal(p, appeal))
    return no(404, refusal('appeal.notFound'), 'no such appeal in your territory');
  if (appeal.status !== 'registered')
    return no(409, refusal('inbox.notWaiting'), 'the appeal is no longer waiting');
  return { ok: true as const, appeal };
}

/** The first claim wins; the second operator is refused `inbox.claimed` (who holds it is not said). */
export async function claimAppeal(
  sql: Sql,
  p: Principal,
  appealId: string,
): Promise<InboxActionResult<{ claimedBy: string }>> {
  const waiting = await waitingInScope(sql, p, appealId);
  if (!waiting.ok) return waiting;
  const claim = await createInboxRepository(sql).claim(appealId, p.accountId);
  if (!claim) return no(409, refusal('inbox.claimed'), 'another operator has claimed this appeal');
  return {
    ok: true,
    value: claim,
    events: [
      {
        kind: 'inbox.claim',
        departmentId: waiting.appeal.departmentId,
        appealId,
        claimedBy: p.accountId,
      },
    ],
  };
}

/**
 * A non-urgent text to a competent service (§12.4): it never becomes a card, and the citizen is told which
 * service in names only (nothing of the officer who forwarded it). Must run inside the caller's transaction.
 */
export async function forwardAppeal(
  tx: Sql,
  p: Principal,
  appealId: string,
  input: ForwardInput,
): Promise<InboxActionResult<{ service: CompetentService }>> {
  const waiting = await waitingInScope(tx, p, appealId);
  if (!waiting.ok) return waiting;
  // §12: only a text goes to a service; an SOS alarm or a call is the police's.
  if (waiting.appeal.kind !== 'text')
    return no(409, refusal('inbox.notForwardable'), 'only a text appeal is forwarded to a service');
  const inbox = createInboxRepository(tx);
  const holder = await inbox.claimOf(appealId);
  if (holder !== null && holder !== p.accountId)
    return no(409, refusal('inbox.claimed'), 'another operator has claimed this appeal');
  const service = await createServiceDirectory(tx).byId(input.serviceId);
  if (!service) return no(404, refusal('service.notFound'), 'no such competent service');
  const forwarded = await inbox.forward(tx, {
    appealId,
    serviceId: service.id,
    reason: input.reason,
    accountId: p.accountId,
  });
  if (!forwarded) return no(409, refusal('inbox.notWaiting'), 'the appeal is no longer waiting');
  return {
    ok: true,
    value: { service },
    events: [
      {
        kind: 'appeal.status',
        departmentId: waiting.appeal.departmentId,
        appealId,
        status: 'forwardedToService',
        service,
      },
    ],
  };
}

/**
 * A possible duplicate linked to the open card it repeats (issue 12, item 5): the appeal leaves the inbox without
 * a card of its own and its citizen sees it in progress. `card` is the card as central holds it, null when there is
none the principal may touch (central/access decides that, in the caller).
 * Must run inside the caller's transaction.
 */
export async function linkDuplicate(
  tx: Sql,
  p: Principal,
  appealId: string,
  card: { id: string; departmentId: string | null; status: string } | null,
): Promise<InboxActionResult<{ cardId: string }>> {
  const waiting = await waitingInScope(tx, p, appealId);
  if (!waiting.ok) return waiting;
  if (!card || card.status === 'closed')
    return no(404, refusal('card.notFound'), 'no such open card in your territory');
  const inbox = createInboxRepository(tx);
  const holder = await inbox.claimOf(appealId);
  if (holder !== null && holder !== p.accountId)
    return no(409, refusal('inbox.claimed'), 'another operator has claimed this appeal');
  const taken = await takeWaitingAppeals(tx, [appealId]);
  if (taken.length === 0) return no(409, refusal('inbox.notWaiting'), 'the appeal is no longer waiting');
  await inbox.linkDuplicate(tx, { appealId, cardId: card.id, accountId: p.accountId });
  return {
    ok: true,
    value: { cardId: card.id },
    events: [
      { kind: 'appeal.status', departmentId: waiting.appeal.departmentId, appealId, status: 'inProgress' },
    ],
  };
}
