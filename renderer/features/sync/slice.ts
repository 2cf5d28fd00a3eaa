import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { CardSyncState, SyncStatus } from '../../../domain/sync/syncStatus';
import type { ConsoleState } from '../../store';

export interface SyncSlice {
  // State
  syncStatus: SyncStatus | null;
  // Actions
  loadSync(): Promise<void>;
  syncChanged(status: SyncStatus): void;
  syncNow(): Promise<void>;
}

const SYNCED: CardSyncState = { state: 'synced' };

/** A card's sync state; cards absent from the status are synced (the status lists only the others). */
export const selectCardSync =
  (cardId: string | undefined) =>
  (state: ConsoleState): CardSyncState | null => {
    if (!cardId || !state.syncStatus) return null;
    return state.syncStatus.cards.find((c) => c.cardId === cardId)?.sync ?? SYNCED;
  };

export const createSyncSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], SyncSlice> =>
  (set) => ({
    syncStatus: null,
    async loadSync() {
      const result = await bridge.call('sync.status', {});
      if (result.ok) set({ syncStatus: result.value });
    },
    syncChanged: (syncStatus) => set({ syncStatus }),
    async syncNow() {
      const result = await bridge.call('sync.now', {});
      if (result.ok) set({ syncStatus: result.value });
    },
  });
