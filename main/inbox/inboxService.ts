import type { CompetentService, ForwardInput, InboxItem, InboxQueuedAction } from '../../domain/inbox/inbox';
import type { InboxActions, QueuedInboxAction } from '../store/inboxActions';
import type { CentralResult, SignedInCentral } from '../central/client';
import type { InboxStore } from './inboxStore';

/** What an inbox action got from central: done, refused with a code for the screen, or central unreachable. */
export type InboxAnswer =
  { ok: true; queued?: true } | { ok: false; refusal: string } | { ok: false; offline: true };

/** As many waiting items as the inbox shows: the screen is virtualised, the territory's queue is not cut. */
const LIST_LIMIT = 10_000;

/** FNV-1a of central's answer: equal answers, equal lists (a change of any item changes it). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16)}-${text.length}`;
}

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
    /** Central's list, kept as the last copy; the copy when central does not answer. */
    async list(known?: string): Promise<{
      items: InboxItem[] | null;
      version: string;
      fetchedAt: string | null;
      live: boolean;
      actions: InboxQueuedAction[];
    }> {
      const account = deps.account();
      if (!account) return { items: [], version: '', fetchedAt: null, live: false, actions: [] };
      const answer = await central.call('GET /api/inbox', { query: { limit: LIST_LIMIT } });
      const actions = deps.actions.list(account.login);
      if (!answer.ok) return { ...deps.store.read(account.login), version: 'copy', live: false, actions };
      const version = fingerprint(JSON.stringify(answer.value.items));
      if (version === known)
        return { items: null, version, fetchedAt: deps.now().toISOString(), live: true, actions };
      const at = deps.now().toISOString();
      deps.store.replace(account.login, answer.value.items, at);
      return { items: answer.value.items, version, fetchedAt: at, live: true, actions };
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
