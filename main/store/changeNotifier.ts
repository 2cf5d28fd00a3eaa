import type { SyncOperation } from '../../domain/sync/sync';

/** An operation as the console writes it: id and time are added by the outbox. */
export type NewOperation = SyncOperation extends infer O
  ? O extends SyncOperation
    ? Omit<O, 'id' | 'createdAt'>
    : never
  : never;

/**
 * What the store changed that others must hear of: an operation appended to the outbox (central must get
 * it), a card file queued for upload, or a card changed with nothing to send.
 */
export type StoreChange =
  | { kind: 'operation'; operation: NewOperation }
  | { kind: 'file'; cardId: string }
  | { kind: 'card'; cardId: string };

/**
 * The store announces its writes here, so no caller has to remember to tell the windows or wake the sync.
 * Listeners hear of a change once the synchronous code that made it has ended — after its transaction
 * committed — never from inside it.
 */
export interface ChangeNotifier {
  announce(change: StoreChange): void;
  subscribe(listener: (change: StoreChange) => void): () => void;
}

export function createChangeNotifier(): ChangeNotifier {
  const listeners = new Set<(change: StoreChange) => void>();
  return {
    announce(change) {
      queueMicrotask(() => {
        for (const listener of listeners) listener(change);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
