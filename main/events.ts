import type { ConsoleEvent, EventPayload } from '../domain/ipc';

type AnyListener = <E extends ConsoleEvent>(event: E, payload: EventPayload<E>) => void;

/** Events main pushes to every connected renderer (Electron window or host-mode browser). */
export interface ConsoleEventBus {
  emit<E extends ConsoleEvent>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: AnyListener): () => void;
}

export function createEventBus(): ConsoleEventBus {
  const listeners = new Set<AnyListener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
