import type { Card } from '../../../domain/cards/card';
import type { ApiError, ApiResult } from '../../../domain/contract/ipc';
import type { CardEditor, EditorProblem } from './editor';

/**
 * One opening of the card form (a new card, or a card opened from the list). Its saves are keyed to it, not to
 * whatever the screen shows when they answer; `cardId` is learnt from the first save of a new card.
 */
export interface FormSession {
  cardId: string | undefined;
  /** Save even with nothing typed: a photo is about to be attached to this new card. */
  evenIfBlank: boolean;
}

/** Where saving the form on screen stands, as the operator is told. */
export type FormSave =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  /** Kept on this console as typed; what is marked must be fixed before central gets it. */
  | { state: 'savedWithProblems'; at: string }
  | { state: 'failed'; error: ApiError };

/** A failed save is tried again after this long, for as long as it takes: typed text is never dropped. */
export const SAVE_RETRY_MS = 2000;

export interface SaveQueueHandlers {
  save(
    session: FormSession,
    snapshot: CardEditor,
  ): Promise<ApiResult<{ card: Card; problems: EditorProblem[] }>>;
  /** `settled`: nothing newer of this form is waiting to be saved. */
  saved(session: FormSession, card: Card, problems: EditorProblem[], settled: boolean): void;
  failed(session: FormSession, error: ApiError): void;
  /** Whether a save is on its way now (a failed one waiting for its retry is not). */
  busy(saving: boolean): void;
}

/**
 * Saves forms one at a time, in the order they were asked for, each with the latest text of its own form: a
 * burst of typing while a save is on its way is one more save, and a new card's second save knows the id the
 * first one got. A failed save goes to the back of the line and is tried again.
 */
export function createSaveQueue(handlers: SaveQueueHandlers) {
  const latest = new Map<FormSession, CardEditor>();
  const waiting: FormSession[] = [];
  let running: Promise<void> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;

  /** A bridge that throws (a lost transport) is a failed save like any other: the line must never stop. */
  async function saveOnce(session: FormSession, snapshot: CardEditor): ReturnType<SaveQueueHandlers['save']> {
    try {
      return await handlers.save(session, snapshot);
    } catch {
      return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
    }
  }

  /** Saves until the line is empty (`done`) or a save failed (`failed`: the retry timer takes it from there). */
  async function drain(): Promise<'done' | 'failed'> {
    for (let session = waiting[0]; session; session = waiting[0]) {
      const snapshot = latest.get(session);
      latest.delete(session);
      if (!snapshot) {
        waiting.shift();
        continue;
      }
      const result = await saveOnce(session, snapshot);
      if (!result.ok) {
        // Back of the line with its text (unless newer text came meanwhile), so other forms' saves go on.
        if (!latest.has(session)) latest.set(session, snapshot);
        waiting.push(session);
        waiting.shift();
        handlers.failed(session, result.error);
        retry ??= setTimeout(() => {
          retry = null;
          void run();
        }, SAVE_RETRY_MS);
        return 'failed';
      }
      if (!latest.has(session)) waiting.shift();
      handlers.saved(session, result.value.card, result.value.problems, !latest.has(session));
    }
    return 'done';
  }

  function run(): Promise<void> {
    if (running) return running;
    handlers.busy(true);
    running = drain().then((end) => {
      running = null;
      // A save asked for between the last answer and this moment found the line still running: start it.
      if (end === 'done' && waiting.length > 0) return run();
      handlers.busy(false);
    });
    return running;
  }

  return {
    /** Asks for this form to be saved with this text; a save of it still waiting is replaced, not repeated. */
    request(session: FormSession, snapshot: CardEditor): void {
      latest.set(session, snapshot);
      if (!waiting.includes(session)) waiting.push(session);
      void run();
    },
    /** Resolves when every save asked for so far has been answered (or has failed and waits to be tried again). */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
