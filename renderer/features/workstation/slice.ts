import type { StateCreator } from 'zustand';
import type { ApiError, ConsoleBridge } from '../../../domain/contract/ipc';
import type { CheckProgress, WorkstationReadiness, WorkstationReport } from '../../../domain/workstation/workstation';
import type { WorkstationFleet } from '../../../domain/workstation/workstationFleet';
import type { ConsoleState } from '../../store';
import {
  type MediaAccess,
  accessFromFacts,
  collectWindowFacts,
  requestMediaAccess,
  watchFirstKeystroke,
} from './service';

export interface ReadinessSlice {
  // State
  workstationReport: WorkstationReport | null;
  /** What the call feature reads before offering a video call. */
  workstationReadiness: WorkstationReadiness | null;
  readinessChecking: boolean;
  readinessProgress: CheckProgress | null;
  readinessError: ApiError | null;
  mediaAccess: MediaAccess | null;
  /** The digitalisation unit's list of every workstation (§28); null until asked. */
  fleet: WorkstationFleet | null;
  fleetLoading: boolean;
  // Actions
  /** At start: the last report, then a fresh check without asking for any permission. */
  startReadiness(): Promise<void>;
  /** `askAccess` first asks for the camera and microphone (after the screen has explained why). */
  checkWorkstation(options?: { askAccess: boolean }): Promise<void>;
  workstationChanged(report: WorkstationReport, readiness: WorkstationReadiness): void;
  readinessProgressed(progress: CheckProgress): void;
  loadFleet(): Promise<void>;
}

export const createReadinessSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], ReadinessSlice> =>
  (set, get) => ({
    workstationReport: null,
    workstationReadiness: null,
    readinessChecking: false,
    readinessProgress: null,
    readinessError: null,
    mediaAccess: null,
    fleet: null,
    fleetLoading: false,
    async startReadiness() {
      // The report arrives with the workstation.changed event; nothing to wait for here.
      watchFirstKeystroke(() => void bridge.call('workstation.keystrokeSeen', {}));
      const [report, readiness] = await Promise.all([
        bridge.call('workstation.report', {}),
        bridge.call('workstation.readiness', {}),
      ]);
      if (report.ok && readiness.ok)
        set({ workstationReport: report.value, workstationReadiness: readiness.value });
      await get().checkWorkstation();
    },
    async checkWorkstation(options) {
      if (get().readinessChecking) return;
      set({ readinessChecking: true, readinessError: null, readinessProgress: null });
      if (options?.askAccess) set({ mediaAccess: await requestMediaAccess() });
      const facts = await collectWindowFacts();
      const seen = accessFromFacts(facts);
      if (seen) set({ mediaAccess: seen });
      const result = await bridge.call('workstation.check', facts);
      // The report itself arrives with the workstation.changed event; only a failure is kept from here.
      set({
        readinessChecking: false,
        readinessProgress: null,
        readinessError: result.ok ? null : result.error,
      });
      if (result.ok && get().workstationReport?.checkedAt !== result.value.checkedAt) {
        const readiness = await bridge.call('workstation.readiness', {});
        if (readiness.ok) set({ workstationReport: result.value, workstationReadiness: readiness.value });
      }
    },
    workstationChanged: (report, readiness) =>
      set({ workstationReport: report, workstationReadiness: readiness }),
    readinessProgressed: (progress) => set({ readinessProgress: progress }),
    async loadFleet() {
      set({ fleetLoading: true });
      const result = await bridge.call('workstation.fleet', {});
      set({
        fleetLoading: false,
        fleet: result.ok ? result.value : { state: 'unavailable', reason: 'central_unreachable' },
      });
    },
  });

/** Selector for the call feature: the video-call verdict, or null before the first answer from main. */
export const selectVideoCalls = (state: ConsoleState) => state.workstationReadiness?.videoCalls ?? null;
