import type { StateCreator } from 'zustand';
import type { Department } from '../../../domain/reference/department';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { ReferenceKind } from '../../../domain/reference/reference';
import type { Territory } from '../../../domain/places/territory';
import type { ConsoleState } from '../../store';

export interface ReferenceSlice {
  // State
  departments: Department[];
  /** The signed-in account's territory outlines, from main's offline copy. */
  territories: Territory[];
  // Actions
  /**
   * Reads main's copy again: one kind after `reference.changed`, all after a sign-in. Patrol units have no
   * screen yet (dispatch, §13, is the inspector's); `reference.units` serves them when one comes.
   */
  loadReference(kind?: ReferenceKind): Promise<void>;
}

export const createReferenceSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], ReferenceSlice> =>
  (set) => {
    const loaders: Partial<Record<ReferenceKind, () => Promise<void>>> = {
      async departments() {
        const result = await bridge.call('reference.departments', {});
        if (result.ok) set({ departments: result.value.departments });
      },
      async territories() {
        const result = await bridge.call('reference.territories', {});
        if (result.ok) set({ territories: result.value.territories });
      },
    };
    return {
      departments: [],
      territories: [],
      async loadReference(kind) {
        if (kind) await loaders[kind]?.();
        else await Promise.all(Object.values(loaders).map((load) => load()));
      },
    };
  };
