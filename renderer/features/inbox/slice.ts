import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import {
  type CompetentService,
  type InboxItem,
  type InboxQueuedAction,
  duplicateFinder,
} from '../../../domain/inbox/inbox';
import { applyInboxChanges } from '../../../domain/inbox/inboxChanges';
import { selectionAfter } from './selectionAfter';
import type { ConsoleState } from '../../store';
import { emptyEditor } from '../cards/editor';

/** What the inbox says after an action: a refusal code from central, central out of reach, or a forward done. */
export type InboxNotice =
  | { kind: 'refused'; code: string }
  | { kind: 'offline' }
  | { kind: 'forwarded'; service: CompetentService }
  /** Central is out of reach: the action waits in the outbox and reaches central once it is back. */
  | { kind: 'queued'; action: InboxQueuedAction['action'] }
  /** Alt+J on an item that repeats no open card here, or after linking it to one. */
  | { kind: 'noDuplicate' }
  | { kind: 'linked'; number: string };

export interface InboxSlice {
  inboxItems: InboxItem[];
  inboxFetchedAt: string | null;
  /** False: central did not answer and the list is the last copy. */
  inboxLive: boolean;
  inboxLoaded: boolean;
  /** The version of the list held; main answers "unchanged" for it. */
  inboxVersion: string | undefined;
  inboxSelected: number;
  inboxNotice: InboxNotice | null;
  /** Claims and forwards queued while central was out of reach, and those central refused since. */
  inboxActions: InboxQueuedAction[];
  /** The item being forwarded, while the operator picks the service and the reason. */
  forwarding: InboxItem | null;
  services: CompetentService[];
  /** The appeals this console claimed: "yours" in the list, "another operator's" for the rest. */
  claimedHere: string[];
  loadInbox(): Promise<void>;
  selectInboxItem(index: number): void;
  /** Claims the selected item and opens a card from it: text, channel, language, place and the appeal linked. */
  openCardFromInbox(): Promise<void>;
  /**
   * Alt+R: the chat with the citizen of the selected item. The chat lives on the card answering the appeal: the
   * card kept here for it, or one opened from the item (claimed, saved at once so its chat can be written).
   */
  replyFromInbox(): Promise<boolean>;
  /** Alt+J: links the selected possible duplicate to the open card it repeats (the nearest, when several do). */
  linkDuplicate(): Promise<void>;
  startForward(): Promise<void>;
  cancelForward(): void;
  forward(serviceId: string, reason: string): Promise<void>;
}

/** Why a claim or forward did not happen, as the inbox shows it. */
const noticeOf = (answer: { ok: false; refusal: string } | { ok: false; offline: true }): InboxNotice =>
  'offline' in answer ? { kind: 'offline' } : { kind: 'refused', code: answer.refusal };

export const createInboxSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], InboxSlice> =>
  (set, get) => {
    const selected = () => get().inboxItems[get().inboxSelected] ?? null;
    let loading: Promise<void> | null = null;
    let again = false;
    const readInbox = async () => {
      const known = get().inboxVersion;
      const result = await bridge.call('inbox.list', known === undefined ? {} : { version: known });
      if (!result.ok) return;
      const { list, version, fetchedAt, live, actions } = result.value;
      const state = get();
      // "Will be sent when central is back" holds while something is still queued, not after.
      const queuedDone = state.inboxNotice?.kind === 'queued' && !actions.some((a) => a.state === 'queued');
      // Actions unchanged keep their identity: the rows showing them are not drawn again.
      const sameActions = JSON.stringify(actions) === JSON.stringify(state.inboxActions);
      const items =
        list.kind === 'whole'
          ? list.items
          : list.upserted.length || list.removed.length
            ? applyInboxChanges(state.inboxItems, list)
            : state.inboxItems;
      set({
        inboxVersion: version,
        inboxItems: items,
        inboxFetchedAt: fetchedAt,
        inboxLive: live,
        inboxLoaded: true,
        inboxSelected: selectionAfter(state.inboxItems, state.inboxSelected, items),
        ...(sameActions ? {} : { inboxActions: actions }),
        ...(queuedDone ? { inboxNotice: null } : {}),
      });
    };
    return {
      inboxItems: [],
      inboxFetchedAt: null,
      inboxLive: false,
      inboxLoaded: false,
      inboxVersion: undefined,
      inboxSelected: 0,
      inboxNotice: null,
      inboxActions: [],
      forwarding: null,
      services: [],
      claimedHere: [],
      loadInbox() {
        // One read in flight: a read asked for meanwhile runs once after it, from the version it brought.
        if (loading) {
          again = true;
          return loading;
        }
        loading = (async () => {
          do {
            again = false;
            await readInbox();
          } while (again);
        })().finally(() => {
          loading = null;
        });
        return loading;
      },
      selectInboxItem: (index) =>
        set((state) => ({ inboxSelected: Math.max(0, Math.min(index, state.inboxItems.length - 1)) })),
      async openCardFromInbox() {
        const item = selected();
        if (!item) return;
        const answer = await bridge.call('inbox.claim', { appealId: item.appealId });
        if (!answer.ok) return;
        if (!answer.value.ok) return set({ inboxNotice: noticeOf(answer.value) });
        const queued = answer.value.queued === true;
        const { newCard, editCard, showView } = get();
        newCard();
        editCard({
          ...emptyEditor(),
          description: item.text ?? '',
          category: item.category,
          ...(item.location
            ? {
                lat: String(item.location.lat),
                lon: String(item.location.lon),
                locationSource: 'device' as const,
              }
            : {}),
          addressText: item.addressText ?? '',
          anonymous: item.anonymous,
          language: item.language,
          channel: item.channel,
          appealId: item.appealId,
          urgent: item.kind !== 'text',
        });
        set((state) => ({
          inboxNotice: queued ? { kind: 'queued', action: 'claim' } : null,
          claimedHere: [...state.claimedHere, item.appealId],
        }));
        if (queued) void get().loadInbox();
        showView('cards');
      },
      async replyFromInbox() {
        const item = selected();
        if (!item) return false;
        const answering = get().cards.find((c) => c.appealId === item.appealId);
        if (answering) {
          get().openCard(answering);
          get().showView('cards');
          return true;
        }
        await get().openCardFromInbox();
        if (get().editor.appealId !== item.appealId) return false;
        await get().saveCard();
        return get().editor.id !== undefined;
      },
      async linkDuplicate() {
        const item = selected();
        if (!item) return;
        const card = duplicateFinder(get().cards)(item);
        if (!card) return set({ inboxNotice: { kind: 'noDuplicate' } });
        const answer = await bridge.call('inbox.link', { appealId: item.appealId, cardId: card.id });
        if (!answer.ok) return;
        if (!answer.value.ok) return set({ inboxNotice: noticeOf(answer.value) });
        set({ inboxNotice: { kind: 'linked', number: card.number ?? String(card.localNumber) } });
        await get().loadInbox();
      },
      async startForward() {
        const item = selected();
        if (!item) return;
        set({ forwarding: item, inboxNotice: null });
        const services = await bridge.call('inbox.services', {});
        if (services.ok) set({ services: services.value });
      },
      cancelForward: () => set({ forwarding: null }),
      async forward(serviceId, reason) {
        const item = get().forwarding;
        if (!item) return;
        const answer = await bridge.call('inbox.forward', { appealId: item.appealId, serviceId, reason });
        if (!answer.ok) return;
        if (!answer.value.ok) return set({ inboxNotice: noticeOf(answer.value) });
        if (answer.value.queued) {
          // Still waiting on central: the item stays listed, marked as queued, until central has taken it.
          set({ forwarding: null, inboxNotice: { kind: 'queued', action: 'forward' } });
          return get().loadInbox();
        }
        const service = get().services.find((s) => s.id === serviceId);
        set((state) => ({
          forwarding: null,
          inboxItems: state.inboxItems.filter((i) => i.appealId !== item.appealId),
          ...(service ? { inboxNotice: { kind: 'forwarded' as const, service } } : {}),
        }));
      },
    };
  };
