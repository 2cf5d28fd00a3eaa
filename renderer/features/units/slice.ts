import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { Unit, UnitStatus } from '../../../domain/dispatch/unit';
import type { ConsoleState } from '../../store';

/**
 * What the units panel says after an action: a dispatch sent (or queued while offline) with the call signs; a
 * status set, refused (central's code, translated on screen) or not made with central out of reach.
 */
export type UnitsNotice =
  | { kind: 'dispatched' | 'queued'; callSigns: string[] }
  | { kind: 'statusSet'; callSign: string; status: UnitStatus }
  | { kind: 'statusRefused'; code: string }
  | { kind: 'statusOffline' }
  | null;

export interface UnitsSlice {
  /** The territory's units by id, as central last told them (offline: the console's copy). */
  units: Record<string, Unit>;
  unitsFetchedAt: string | null;
  /**
   * Grows whenever a unit's status or card changes (not when it only moves): what lists units may follow
   * positions at their own pace, but a status at once.
   */
  unitStatusesVersion: number;
  /** Units the inspector chose in the open card's panel, in the order chosen. */
  unitsChosen: string[];
  unitsNotice: UnitsNotice;
  loadUnits(): Promise<void>;
  unitsChanged(units: readonly Unit[]): void;
  toggleUnit(id: string): void;
  /** §13: sends the chosen units to the card; one operation, queued while offline. */
  dispatchChosen(cardId: string): Promise<void>;
  /** §13: a unit's status as the crew radios it in; central's answer at once (refused offline). */
  setUnitStatus(unitId: string, status: UnitStatus): Promise<void>;
}

export const createUnitsSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], UnitsSlice> =>
  (set, get) => ({
    units: {},
    unitsFetchedAt: null,
    unitStatusesVersion: 0,
    unitsChosen: [],
    unitsNotice: null,
    async loadUnits() {
      const result = await bridge.call('units.list', {});
      if (!result.ok) return;
      set((state) => ({
        units: Object.fromEntries(result.value.units.map((u) => [u.id, u])),
        unitsFetchedAt: result.value.fetchedAt,
        unitStatusesVersion: state.unitStatusesVersion + 1,
      }));
    },
    unitsChanged(units) {
      if (units.length === 0) return;
      set((state) => {
        const next = { ...state.units };
        let statusChanged = false;
        for (const u of units) {
          const before = next[u.id];
          if (!before || before.status !== u.status || before.cardId !== u.cardId) statusChanged = true;
          next[u.id] = u;
        }
        return {
          units: next,
          unitStatusesVersion: state.unitStatusesVersion + (statusChanged ? 1 : 0),
        };
      });
    },
    toggleUnit(id) {
      set((state) => ({
        unitsNotice: null,
        unitsChosen: state.unitsChosen.includes(id)
          ? state.unitsChosen.filter((x) => x !== id)
          : [...state.unitsChosen, id],
      }));
    },
    async dispatchChosen(cardId) {
      const chosen = get().unitsChosen.filter((id) => get().units[id]?.status === 'free');
      if (chosen.length === 0) return;
      const result = await bridge.call('units.dispatch', { cardId, unitIds: chosen });
      if (!result.ok) return;
      get().unitsChanged(result.value.units);
      const callSigns = chosen.map((id) => get().units[id]?.callSign ?? id);
      const offline = get().connectivity?.state === 'offline';
      set({ unitsChosen: [], unitsNotice: { kind: offline ? 'queued' : 'dispatched', callSigns } });
    },
    async setUnitStatus(unitId, status) {
      const result = await bridge.call('units.setStatus', { unitId, status });
      if (!result.ok)
        return set({
          unitsNotice:
            result.error.code === 'unavailable'
              ? { kind: 'statusOffline' }
              : { kind: 'statusRefused', code: result.error.refusal?.code ?? result.error.code },
        });
      const answer = result.value;
      if (!answer.ok)
        return set({
          unitsNotice:
            'offline' in answer ? { kind: 'statusOffline' } : { kind: 'statusRefused', code: answer.refusal },
        });
      get().unitsChanged([answer.value]);
      set({
        unitsNotice: { kind: 'statusSet', callSign: answer.value.callSign, status: answer.value.status },
      });
    },
  });
