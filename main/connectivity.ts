import type { Connectivity } from '../domain/ipc';

/** The console's link to central as the operator sees it. Offline until the sync engine reports otherwise. */
export interface ConnectivityService {
  current(): Connectivity;
}

export function createConnectivity(now: () => Date): ConnectivityService {
  const state: Connectivity = { state: 'offline', since: now().toISOString() };
  return { current: () => state };
}
