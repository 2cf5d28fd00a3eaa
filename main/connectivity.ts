import type { Connectivity } from '../domain/contract/ipc';

/**
 * The console's link to central as the operator sees it, with the moment it last changed.
 * Offline until the sync engine reports otherwise.
 */
export interface ConnectivityService {
  current(): Connectivity;
  set(state: Connectivity['state']): void;
  onChange(listener: (connectivity: Connectivity) => void): () => void;
}

export function createConnectivity(now: () => Date): ConnectivityService {
  let state: Connectivity = { state: 'offline', since: now().toISOString() };
  const listeners = new Set<(c: Connectivity) => void>();
  return {
    current: () => state,
    set(next) {
      if (next === state.state) return;
      state = { state: next, since: now().toISOString() };
      for (const listener of listeners) listener(state);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
