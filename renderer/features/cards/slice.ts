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
  /** Another account signs in: the last one's cards and open card leave the screen, unsaved typing unsent under the new one. */
  forgetCards(): void;
  saveCard(): Promise<void>;
  /** §9 step 5: "send" to the senior inspector; central decides, a refusal shows on the card. */
  sendCard(): Promise<void>;
  cardChanged(card: Card): void;
}

/** Drafts autosave this long after the last keystroke: nothing typed is lost to a crash, without a write per key. */
export const AUTOSAVE_DELAY_MS = 400;

const upsert = (cards: Card[], card: Card) => [card, ...cards.filter((c) => c.id !== card.id)];
/** Central refused a change of a card it has and put its version back: the open form takes central's card. */
const refusedAnew = (before: Card | undefined, card: Card) =>
  card.refusal !== undefined && card.version !== undefined && card.refusal.at !== before?.refusal?.at;
const sameText = (a: CardEditor, b: CardEditor) =>
  a.description === b.description && a.category === b.category && a.lat === b.lat && a.lon === b.lon;

export const createCardsSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], CardsSlice> =>
  (set, get) => {
    let autosave: ReturnType<typeof setTimeout> | null = null;
    const scheduleAutosave = () => {
      if (autosave) clearTimeout(autosave);
      autosave = setTimeout(() => {
        autosave = null;
        void save(false);
      }, AUTOSAVE_DELAY_MS);
    };
    /** Leaving a card saves what was typed in the last moments, before the form changes. */
    const flushAutosave = () => {
      if (!autosave) return;
      clearTimeout(autosave);
      autosave = null;
      void save(false);
    };
    /** `explicit`: the operator asked (Ctrl+S), so problems are shown; an autosave just waits for valid input. */
    async function save(explicit: boolean): Promise<void> {
      if (get().saving) {
        scheduleAutosave();
        return;
      }
      const sent = get().editor;
      const prepared = editorToInput(sent);
      if ('problems' in prepared) {
        if (explicit) set({ problems: prepared.problems });
        return;
      }
      set({ saving: true, saveError: null });
      const result = await bridge.call('cards.saveDraft', prepared.input);
      if (!result.ok) {
        set({ saving: false, saveError: result.error });
        return;
      }
      const card = result.value;
      // What was typed while the save was on its way stays in the form and is saved next.
      const typedMeanwhile = !sameText(get().editor, sent);
      set((state) => ({
        saving: false,
        cards: upsert(state.cards, card),
        editor: typedMeanwhile
          ? { ...state.editor, id: card.id, localNumber: card.localNumber, number: card.number ?? null }
          : editorFromCard(card),
        savedAt: card.updatedAt,
      }));
      if (typedMeanwhile) scheduleAutosave();
    }
    return {
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
      editCard: (patch) => {
        set((state) => ({ editor: { ...state.editor, ...patch }, problems: [], saveError: null }));
        scheduleAutosave();
      },
      openCard: (card) => {
        flushAutosave();
        set({ editor: editorFromCard(card), problems: [], saveError: null, savedAt: null });
      },
      newCard: () => {
        flushAutosave();
        set({ editor: emptyEditor(), problems: [], saveError: null, savedAt: null });
      },
      forgetCards: () => {
        if (autosave) clearTimeout(autosave);
        autosave = null;
        set({
          cards: [],
          cardsLoaded: false,
          editor: emptyEditor(),
          problems: [],
          saveError: null,
          savedAt: null,
        });
      },
      async saveCard() {
        if (autosave) clearTimeout(autosave);
        autosave = null;
        await save(true);
      },
      async sendCard() {
        await get().saveCard();
        const id = get().editor.id;
        if (!id || get().problems.length > 0) return;
        const result = await bridge.call('cards.transition', { id, transition: 'sendToInspector' });
        if (result.ok)
          set((state) => ({
            cards: upsert(state.cards, result.value),
            editor: editorFromCard(result.value),
          }));
        else set({ saveError: result.error });
      },
      cardChanged: (card) => {
        const { editor, cards } = get();
        if (
          editor.id === card.id &&
          refusedAnew(
            cards.find((c) => c.id === card.id),
            card,
          )
        ) {
          set({ cards: upsert(cards, card), editor: editorFromCard(card) });
          return;
        }
        set((state) => ({
          cards: upsert(state.cards, card),
          // Central's number and status reach the open card too; the text the operator is typing stays theirs.
          editor:
            state.editor.id === card.id
              ? {
                  ...state.editor,
                  localNumber: card.localNumber,
                  number: card.number ?? null,
                  status: card.status,
                }
              : state.editor,
        }));
      },
    };
  };
