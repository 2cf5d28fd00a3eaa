import type { StateCreator } from 'zustand';
import type { CentreView } from '../../../domain/centre/centre';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { ConsoleState } from '../../store';

export interface CentreSlice {
  centreView: CentreView | null;
  /** When main got the view from central (null: never); with `centreLive` false it is the last copy. */
  centreFetchedAt: string | null;
  centreLive: boolean;
  centreLoaded: boolean;
  /**
   * Central's clock minus this console's when the view arrived: ages tick here from central's time, so a
   * workstation clock a minute off does not make a call wait a minute more.
   */
  centreClockOffsetMs: number;
  loadCentre(): Promise<void>;
}

export const createCentreSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], CentreSlice> =>
  (set) => {
    // Answers can overtake one another: only the newest request's answer lands.
    let asked = 0;
    return {
      centreView: null,
      centreFetchedAt: null,
      centreLive: false,
      centreLoaded: false,
      centreClockOffsetMs: 0,
      async loadCentre() {
        const mine = ++asked;
        const result = await bridge.call('centre.view', {});
        if (!result.ok || mine !== asked) return;
        const { view, fetchedAt, live } = result.value;
        set((state) => ({
          centreView: view,
          centreFetchedAt: fetchedAt,
          centreLive: live,
          centreLoaded: true,
          // Central's clock against main's when the view was fetched (the same machine as this window's): a copy
          // read back after a restart keeps the offset it had, and its ages keep growing, as they do.
          centreClockOffsetMs:
            view && fetchedAt ? Date.parse(view.at) - Date.parse(fetchedAt) : state.centreClockOffsetMs,
        }));
      },
    };
  };
