import { randomUUID } from 'node:crypto';
import type { CompetentService, ForwardInput, InboxQueuedAction } from '../../domain/inbox/inbox';
import type { InboxListAnswer } from '../../domain/inbox/inboxChanges';
import type { InboxActions, QueuedInboxAction } from '../store/inboxActions';
import type { CentralResult, SignedInCentral } from '../central/client';
import type { InboxStore } from './inboxStore';
import { type InboxVersions, createInboxVersions } from './inboxVersions';

/** What an inbox action got from central: done, refused with a code for the screen, or central unreachable. */
export type InboxAnswer =
  { ok: true; queued?: true } | { ok: false; refusal: string } | { ok: false; offline: true };

/** As many waiting items as the inbox shows: the screen is virtualised, the territory's queue is not cut. */
const LIST_LIMIT = 10_000;

function answerOf(result: CentralResult<unknown>): InboxAnswer {
  if (result.ok) return { ok: true };
  if (result.failure.kind !== 'http') return { ok: false, offline: true };
  return { ok: false, refusal: result.failure.refusal?.code ?? 'unknown' };
}

/**
 * The inbox on this console: central's list while it answers, else the last copy kept in SQLite. Claims and
 * forwards go to central at once; while central is out of reach they are queued in the outbox (so the operator
 * keeps working) and reach it exactly once when it is back, where a claim another operator took meanwhile is
 * refused and shown on the item. Through main's one door to central (main/central/client.ts).
 */
export function createInboxService(deps: {
  central: SignedInCentral;
  /** The signed-in login, or null when nobody is signed in. */
  account(): { login: string } | null;
  store: InboxStore;
  actions: InboxActions;
  now: () => Date;
}) {
  const { central } = deps;
  /** The signed-in login's inbox as main holds it; another login starts afresh (its versions mean nothing here). */
  let held: { login: string; versions: InboxVersions; fetchedAt: string | null } | null = null;
  const heldFor = (login: string) => {
    if (held?.login !== login)
      held = { login, versions: createInboxVersions(randomUUID().slice(0, 8)), fetchedAt: null };
    return held;
  };
  /** Central's answer to an action, or the action queued when central is out of reach (signed in here). */
  const orQueue = (result: CentralResult<unknown>, action: QueuedInboxAction): InboxAnswer => {
    const answer = answerOf(result);
    const account = deps.account();
    if (answer.ok || !('offline' in answer) || !account) return answer;
    deps.actions.queue(account.login, action);
    return { ok: true, queued: true };
  };
  /** A new action on an item replaces a refusal the item showed. */
  const fresh = (appealId: string) => {
    const account = deps.account();
    if (account) deps.actions.forgetRefused(account.login, appealId);
  };
  return {
    /**
     * Central's list, kept as the last copy; the copy when central does not answer. A window that sends the
     * version it holds gets only what changed since (see inboxVersions.ts).
     */
    async list(known?: string): Promise<{
      list: InboxListAnswer;
      version: string;
      fetchedAt: string | null;
      live: boolean;
      actions: InboxQueuedAction[];
    }> {
      const account = deps.account();
      if (!account)
        return { list: { kind: 'whole', items: [] }, version: '', fetchedAt: null, live: false, actions: [] };
      const inbox = heldFor(account.login);
      const answer = await central.call('GET /api/inbox', { query: { limit: LIST_LIMIT } });
      if (answer.ok) {
        const at = deps.now().toISOString();
        // The first answer replaces whatever copy is on disk; after it, the copy follows the changes.
        const first = !inbox.versions.taken();
        const changes = inbox.versions.take(answer.value.items);
        if (first) deps.store.replace(account.login, answer.value.items, at);
        else if (changes.upserted.length > 0 || changes.removed.length > 0)
          deps.store.apply(account.login, changes, at);
        inbox.fetchedAt = at;
      } else if (!inbox.versions.taken()) {
        const copy = deps.store.read(account.login);
        inbox.versions.take(copy.items);
        inbox.fetchedAt = copy.fetchedAt;
      }
      return {
        list: inbox.versions.answerFor(known),
        version: inbox.versions.version(),
        fetchedAt: inbox.fetchedAt,
        live: answer.ok,
        actions: deps.actions.list(account.login),
      };
    },
    async claim(appealId: string) {
      fresh(appealId);
      return orQueue(await central.call('POST /api/inbox/:id/claim', { params: { id: appealId } }), {
        action: 'claim',
        appealId,
      });
    },
    release: async (appealId: string) =>
      answerOf(await central.call('POST /api/inbox/:id/release', { params: { id: appealId } })),
    async forward(appealId: string, input: ForwardInput) {
      fresh(appealId);
      return orQueue(
        await central.call('POST /api/inbox/:id/forward', { params: { id: appealId }, body: input }),
        { action: 'forward', appealId, input },
      );
    },
    /**
     * Links a possible duplicate to the open card it repeats (issue 12, item 5), through the outbox whether central
     * answers or not: the link follows the card's own operations there, and the item shows it queued until then.
     */
    link(appealId: string, cardId: string): InboxAnswer {
      const account = deps.account();
      if (!account) return { ok: false, offline: true };
      fresh(appealId);
      deps.actions.queue(account.login, { action: 'link', appealId, cardId });
      return { ok: true, queued: true };
    },
    async services(): Promise<CompetentService[]> {
      const answer = await central.call('GET /api/services', {});
      return answer.ok ? answer.value.services : [];
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
