import type { StateCreator } from 'zustand';
import type { CardChatMessage, ChatRefusal } from '../../../domain/chat/chat';
import type { ApiError, ConsoleBridge } from '../../../domain/contract/ipc';
import type { ConsoleState } from '../../store';

/** The conversation with the citizen of the open card's appeal (§2). */
export interface ChatSlice {
  // State
  chat: { cardId: string; appealId: string; messages: CardChatMessage[] } | null;
  chatSending: boolean;
  chatProblem: { refusal: ChatRefusal } | { error: ApiError } | null;
  // Actions
  loadChat(cardId: string): Promise<void>;
  /** Resolves true when the line is kept on this console (central gets it with the next sync). */
  sendChat(cardId: string, text: string): Promise<boolean>;
  chatChanged(appealId: string): void;
}

export const createChatSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], ChatSlice> =>
  (set, get) => ({
    chat: null,
    chatSending: false,
    chatProblem: null,
    async loadChat(cardId) {
      const result = await bridge.call('chat.list', { cardId });
      // The operator may have opened another card while the answer was on its way.
      if (get().editor.id !== cardId) return;
      if (!result.ok) set({ chat: null, chatProblem: { error: result.error } });
      else if (!result.value.ok) set({ chat: null, chatProblem: { refusal: result.value.refusal } });
      else
        set({
          chat: { cardId, appealId: result.value.appealId, messages: result.value.messages },
          chatProblem: null,
        });
    },
    async sendChat(cardId, text) {
      if (get().chatSending) return false;
      set({ chatSending: true, chatProblem: null });
      const result = await bridge.call('chat.send', { cardId, text });
      set({ chatSending: false });
      if (!result.ok) set({ chatProblem: { error: result.error } });
      else if (!result.value.ok) set({ chatProblem: { refusal: result.value.refusal } });
      else {
        await get().loadChat(cardId);
        return true;
      }
      return false;
    },
    chatChanged(appealId) {
      const open = get().chat;
      if (open?.appealId === appealId) void get().loadChat(open.cardId);
    },
  });
