import type { StateCreator } from 'zustand';
import type { Card } from '../../../domain/cards/card';
import type { CountryCheck } from '../../../domain/places/country';
import type { ApiError, ConsoleBridge } from '../../../domain/contract/ipc';
import type { TransitionName } from '../../../domain/cards/workflow';
import type { ConsoleState } from '../../store';
import {
  type CardEditor,
  type EditorProblem,
  editorFromCard,
  editorIsBlank,
  editorToDraft,
  emptyEditor,
} from './editor';
import { type FormSave, type FormSession, createSaveQueue } from './saveQueue';

/** Why a workflow step was not asked for: the form names it, central's refusals come on the card. */
export type StepRefusal = { problem: 'fixFirst' } | { problem: 'failed'; error: ApiError };

export interface CardsSlice {
  // State
  cards: Card[];
  cardsLoaded: boolean;
  editor: CardEditor;
  /** Where saving the form on screen stands; never silent (saving, saved, saved here with problems, failed). */
  formSave: FormSave;
  /** Whether any form's save is still on its way (a photo waits for its card to exist). */
  saving: boolean;
  /** What is wrong with the form as last saved; the fields are marked, the text is kept as typed. */
  problems: EditorProblem[];
  stepRefusal: StepRefusal | null;
  /** The country's outline, once loaded: a place outside Kazakhstan is a problem to fix, kept as typed. */
  inKazakhstan: CountryCheck | null;
  // Actions
  loadCards(): Promise<void>;
  editCard(patch: Partial<CardEditor>): void;
  openCard(card: Card): void;
  newCard(): void;
  /** Ctrl+S: saves now. A blank new form makes no card, unless something (a photo) is about to be attached. */
  saveCard(options?: { evenIfBlank?: boolean }): Promise<void>;
  /** A workflow step (§9 step 5 "send"…): saves first; central decides, a refusal shows on the card. */
  takeStep(transition: TransitionName, extra?: { kuizhNumber?: string }): Promise<void>;
  /** Sign-out: the form's last words are saved before the account goes, and the next account starts empty. */
  closeCardForm(): Promise<void>;
  countryOutlineLoaded(check: CountryCheck): void;
  /** Another account signs in: the last one's cards and open card leave the screen. */
  forgetCards(): void;
  cardChanged(card: Card): void;
  /** Central moved the card out of this account's territory: it leaves the list (its open form too). */
  cardLeft(cardId: string): void;
}

/** Drafts autosave this long after the last keystroke: nothing typed is lost to a crash, without a write per key. */
export const AUTOSAVE_DELAY_MS = 400;

const upsert = (cards: Card[], card: Card) => [card, ...cards.filter((c) => c.id !== card.id)];
/** Central refused a change of a card it has and put its version back: the open form takes central's card. */
const refusedAnew = (before: Card | undefined, card: Card) =>
  card.refusal !== undefined && card.version !== undefined && card.refusal.at !== before?.refusal?.at;

export const createCardsSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], CardsSlice> =>
  (set, get) => {
    let form: FormSession = { cardId: undefined, evenIfBlank: false };
    let autosave: ReturnType<typeof setTimeout> | null = null;
    let edited = false;

    const queue = createSaveQueue({
      async save(session, snapshot) {
        const { input, problems } = editorToDraft(
          { ...snapshot, id: session.cardId },
          get().inKazakhstan ?? undefined,
        );
        const result = await bridge.call('cards.saveDraft', input);
        if (!result.ok) return result;
        return { ok: true, value: { card: result.value, problems } };
      },
      // Every answer is the answer for one form: the list always takes the card, the screen only if it still shows that form.
      saved(session, card, problems, settled) {
        session.cardId = card.id;
        set((state) => {
          if (session !== form) return { cards: upsert(state.cards, card) };
          return {
            cards: upsert(state.cards, card),
            editor: {
              ...state.editor,
              id: card.id,
              localNumber: card.localNumber,
              number: card.number ?? null,
              status: card.status,
            },
            formSave: !settled
              ? { state: 'saving' }
              : problems.length > 0
                ? { state: 'savedWithProblems', at: card.updatedAt }
                : { state: 'saved', at: card.updatedAt },
          };
        });
      },
      failed(session, error) {
        if (session === form) set({ formSave: { state: 'failed', error } });
      },
      busy: (saving) => set({ saving }),
    });

    /** Hands the form's latest text to the queue now; the timer, if any, has nothing left to do. */
    const saveNow = () => {
      if (autosave) clearTimeout(autosave);
      autosave = null;
      edited = false;
      const snapshot = get().editor;
      if (!form.cardId && editorIsBlank(snapshot) && !form.evenIfBlank) return;
      set({
        problems: editorToDraft(snapshot, get().inKazakhstan ?? undefined).problems,
        formSave: { state: 'saving' },
      });
      queue.request(form, snapshot);
    };
    /**
     * Leaving a form (Alt+N, another card, sign-out) first hands its unsaved text to the queue; there is no
     * path that drops it. The new form gets a new session, so a late answer for the old one never lands on it.
     */
    const leaveForm = (next: CardEditor) => {
      if (edited) saveNow();
      form = { cardId: next.id, evenIfBlank: false };
      set({
        editor: next,
        problems: next.id ? editorToDraft(next, get().inKazakhstan ?? undefined).problems : [],
        formSave: { state: 'idle' },
        stepRefusal: null,
        photoProblems: [],
      });
    };

    return {
      cards: [],
      cardsLoaded: false,
      editor: emptyEditor(),
      formSave: { state: 'idle' },
      saving: false,
      problems: [],
      stepRefusal: null,
      inKazakhstan: null,
      async loadCards() {
        const result = await bridge.call('cards.list', {});
        if (result.ok) set({ cards: result.value, cardsLoaded: true });
      },
      editCard: (patch) => {
        set((state) => ({ editor: { ...state.editor, ...patch }, stepRefusal: null }));
        edited = true;
        if (autosave) clearTimeout(autosave);
        autosave = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
      },
      openCard: (card) => {
        leaveForm(editorFromCard(card));
        const opened = form;
        // The list may not have the last words of this very card yet (it was just left, or left a moment ago):
        // once the queue is through, the form shows the card as stored, unless the operator has typed meanwhile.
        void queue.idle().then(() => {
          const stored = get().cards.find((c) => c.id === card.id);
          if (stored && opened === form && !edited) set({ editor: editorFromCard(stored) });
        });
      },
      newCard: () => leaveForm(emptyEditor()),
      async saveCard(options) {
        if (options?.evenIfBlank) form.evenIfBlank = true;
        saveNow();
        await queue.idle();
      },
      forgetCards: () => {
        leaveForm(emptyEditor());
        set({ cards: [], cardsLoaded: false });
      },
      async takeStep(transition, extra) {
        const stepping = form;
        await get().saveCard();
        if (stepping !== form || !stepping.cardId) return;
        if (get().problems.length > 0) return set({ stepRefusal: { problem: 'fixFirst' } });
        const result = await bridge.call('cards.transition', { id: stepping.cardId, transition, ...extra });
        if (result.ok) set((state) => ({ cards: upsert(state.cards, result.value) }));
        else if (stepping === form) set({ stepRefusal: { problem: 'failed', error: result.error } });
      },
      async closeCardForm() {
        leaveForm(emptyEditor());
        await queue.idle();
      },
      countryOutlineLoaded: (check) => set({ inKazakhstan: check }),
      cardLeft: (cardId) => {
        if (form.cardId === cardId) leaveForm(emptyEditor());
        set((state) => ({ cards: state.cards.filter((c) => c.id !== cardId) }));
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
          // What central refused is not typed again: the form starts over from central's card, nothing pending.
          if (autosave) clearTimeout(autosave);
          autosave = null;
          edited = false;
          form = { cardId: card.id, evenIfBlank: false };
          set({ cards: upsert(cards, card), editor: editorFromCard(card), problems: [] });
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
