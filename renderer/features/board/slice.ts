import type { StateCreator } from 'zustand';
import type { Applicant } from '../../../domain/cards/card';
import type { TransitionInput, TransitionName } from '../../../domain/cards/workflow';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import {
  type AcknowledgementLimits,
  DEFAULT_ACKNOWLEDGEMENT_LIMITS,
} from '../../../domain/dispatch/acknowledgement';
import type { BoardDetails, EscalatedCard } from '../../../domain/dispatch/board';
import type { CheckedPerson, QueuedCheck } from '../../../domain/dispatch/warning';
import type { ConsoleState } from '../../store';

/** What the board says after an action that needs central at once, about the card it was for. */
export type BoardNotice = { cardId: string } & (
  | { kind: 'refused'; code: string }
  | { kind: 'offline' }
  | { kind: 'checked'; found: number }
  /** Central out of reach: the check waits in the outbox; then central made the queued checks. */
  | { kind: 'queued' }
  | { kind: 'queuedDone' }
);

export interface BoardDetailsCopy {
  details: BoardDetails | null;
  fetchedAt: string | null;
  live: boolean;
  /** The card's reference checks queued on this console, not made by central yet. */
  queuedChecks: QueuedCheck[];
}

export interface BoardSlice {
  // State
  boardSelectedId: string | null;
  boardLimits: AcknowledgementLimits;
  /** Each card's history and warnings as last read (central's, or the console's last copy). */
  boardDetails: Record<string, BoardDetailsCopy>;
  boardNotice: BoardNotice | null;
  /** The applicant identified per card (§10), while this window is open: never kept on disk. */
  identified: Record<string, Applicant | null>;
  /** Cards rung to this supervisor (§13, §16), until seen. */
  escalations: EscalatedCard[];
  // Actions
  loadBoardSettings(): Promise<void>;
  selectBoardCard(cardId: string | null): void;
  loadBoardDetails(cardId: string): Promise<void>;
  /** A workflow step on a board card: queued in the outbox like every card change, central decides. */
  boardStep(
    cardId: string,
    transition: TransitionName,
    extra?: Omit<TransitionInput, 'transition'>,
  ): Promise<void>;
  checkPerson(cardId: string, person: CheckedPerson, reason: string): Promise<boolean>;
  identifyApplicant(cardId: string): Promise<void>;
  boardChanged(cardId: string): void;
  /** The outbox moved (sync status): the cards with queued checks read their details again. */
  boardQueueMoved(): void;
  cardEscalated(card: EscalatedCard): void;
  dismissEscalation(cardId: string): void;
}

const noticeOf = (
  cardId: string,
  answer: { ok: false; refusal: string } | { ok: false; offline: true },
): BoardNotice =>
  'offline' in answer ? { cardId, kind: 'offline' } : { cardId, kind: 'refused', code: answer.refusal };

export const createBoardSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], BoardSlice> =>
  (set, get) => ({
    boardSelectedId: null,
    boardLimits: DEFAULT_ACKNOWLEDGEMENT_LIMITS,
    boardDetails: {},
    boardNotice: null,
    identified: {},
    escalations: [],
    async loadBoardSettings() {
      const result = await bridge.call('board.settings', {});
      if (result.ok) set({ boardLimits: result.value.limits });
    },
    selectBoardCard(cardId) {
      set({ boardSelectedId: cardId });
      if (cardId) void get().loadBoardDetails(cardId);
    },
    async loadBoardDetails(cardId) {
      const result = await bridge.call('board.details', { cardId });
      if (!result.ok) return;
      const before = get().boardDetails[cardId]?.queuedChecks.length ?? 0;
      const copy = result.value;
      // Checks queued here left the outbox with central's history read live: central has made them.
      const made = before > copy.queuedChecks.length && copy.live;
      set((state) => ({
        boardDetails: { ...state.boardDetails, [cardId]: copy },
        ...(made ? { boardNotice: { cardId, kind: 'queuedDone' } } : {}),
      }));
    },
    async boardStep(cardId, transition, extra) {
      const result = await bridge.call('cards.transition', { id: cardId, transition, ...extra });
      if (result.ok) get().cardChanged(result.value);
      else set({ boardNotice: { cardId, kind: 'refused', code: result.error.refusal?.code ?? 'unknown' } });
    },
    async checkPerson(cardId, person, reason) {
      const result = await bridge.call('board.check', { cardId, person, reason });
      if (!result.ok) return false;
      const answer = result.value;
      if (!answer.ok && 'queued' in answer) {
        set({ boardNotice: { cardId, kind: 'queued' } });
        void get().loadBoardDetails(cardId);
        return true;
      }
      if (!answer.ok) {
        set({ boardNotice: noticeOf(cardId, answer) });
        return false;
      }
      set({ boardNotice: { cardId, kind: 'checked', found: answer.value.found } });
      void get().loadBoardDetails(cardId);
      return true;
    },
    async identifyApplicant(cardId) {
      const result = await bridge.call('board.identify', { cardId });
      if (!result.ok) return;
      const answer = result.value;
      if (!answer.ok) return set({ boardNotice: noticeOf(cardId, answer) });
      set((state) => ({ identified: { ...state.identified, [cardId]: answer.value.applicant } }));
      void get().loadBoardDetails(cardId);
    },
    boardChanged(cardId) {
      if (get().boardDetails[cardId] || get().boardSelectedId === cardId) void get().loadBoardDetails(cardId);
    },
    boardQueueMoved() {
      for (const [cardId, copy] of Object.entries(get().boardDetails))
        if (copy.queuedChecks.length > 0) void get().loadBoardDetails(cardId);
    },
    cardEscalated: (card) =>
      set((state) => ({
        escalations: [card, ...state.escalations.filter((c) => c.cardId !== card.cardId)],
      })),
    dismissEscalation: (cardId) =>
      set((state) => ({ escalations: state.escalations.filter((c) => c.cardId !== cardId) })),
  });
