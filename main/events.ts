import type { ConsoleEvent, EventPayload } from '../domain/contract/ipc';

type AnyListener = <E extends ConsoleEvent>(event: E, payload: EventPayload<E>) => void;

/** Events main pushes to every connected renderer (Electron window or host-mode browser). */
export interface ConsoleEventBus {
  emit<E extends ConsoleEvent>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: AnyListener): () => void;
}

/**
 * `mayShow` is the last gate before the renderers: an event it refuses (a card the signed-in account may
 * not see) reaches none of them, whichever part of main emitted it.
 */
export function createEventBus(
  mayShow: (event: ConsoleEvent, payload: unknown) => boolean = () => true,
): ConsoleEventBus {
  const listeners = new Set<AnyListener>();
  return {
    emit(event, payload) {
      if (!mayShow(event, payload)) return;
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
