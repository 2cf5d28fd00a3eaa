import type { StateCreator } from 'zustand';
import type { Card } from '../../../domain/card';
import type { ApiError, ConsoleBridge } from '../../../domain/ipc';
import type { ConsoleState } from '../../store';
import { type CardEditor, type EditorProblem, editorFromCard, editorToInput, emptyEditor } from './editor';

export interface CardsSlice {
  // State
  cards: Card[];
  cardsLoaded: boolean;
  editor: CardEditor;
  saving: boolean;
  savedAt: string | null;
  problems: EditorProblem[];
  saveError: ApiError | null;
  // Actions
  loadCards(): Promise<void>;
  editCard(patch: Partial<CardEditor>): void;
  openCard(card: Card): void;
  newCard(): void;
  saveCard(): Promise<void>;
  cardChanged(card: Card): void;
}

const upsert = (cards: Card[], card: Card) => [card, ...cards.filter((c) => c.id !== card.id)];

export const createCardsSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], CardsSlice> =>
  (set, get) => ({
    cards: [],
    cardsLoaded: false,
    editor: emptyEditor(),
    saving: false,
    savedAt: null,
    problems: [],
    saveError: null,
    async loadCards() {
      const result = await bridge.call('cards.list', {});
      if (result.ok) set({ cards: result.value, cardsLoaded: true });
    },
    editCard: (patch) => set((state) => ({ editor: { ...state.editor, ...patch }, problems: [], saveError: null })),
    openCard: (card) => set({ editor: editorFromCard(card), problems: [], saveError: null, savedAt: null }),
    newCard: () => set({ editor: emptyEditor(), problems: [], saveError: null, savedAt: null }),
    async saveCard() {
      if (get().saving) return;
      const prepared = editorToInput(get().editor);
      if ('problems' in prepared) {
        set({ problems: prepared.problems });
        return;
      }
      set({ saving: true, saveError: null });
      const result = await bridge.call('cards.saveDraft', prepared.input);
      if (result.ok) {
        set((state) => ({
          saving: false,
          cards: upsert(state.cards, result.value),
          editor: editorFromCard(result.value),
          savedAt: result.value.updatedAt,
        }));
      } else {
        set({ saving: false, saveError: result.error });
      }
    },
    cardChanged: (card) => set((state) => ({ cards: upsert(state.cards, card) })),
  });
