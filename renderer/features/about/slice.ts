import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { About, DiagnosticsBundle } from '../../../domain/diagnostics/diagnostics';
import type { ConsoleState } from '../../store';

/** Where the diagnostics bundle stands: not asked, being written, written (where), or failed. */
export type BundleState =
  | { state: 'idle' }
  | { state: 'writing' }
  | { state: 'written'; bundle: DiagnosticsBundle }
  | { state: 'failed' };

export interface AboutSlice {
  about: About | null;
  aboutFailed: boolean;
  diagnosticsBundle: BundleState;
  loadAbout(): Promise<void>;
  writeDiagnosticsBundle(): Promise<void>;
}

export const createAboutSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], AboutSlice> =>
  (set, get) => ({
    about: null,
    aboutFailed: false,
    diagnosticsBundle: { state: 'idle' },
    async loadAbout() {
      const result = await bridge.call('diagnostics.about', {});
      set(result.ok ? { about: result.value, aboutFailed: false } : { aboutFailed: true });
    },
    async writeDiagnosticsBundle() {
      if (get().diagnosticsBundle.state === 'writing') return;
      set({ diagnosticsBundle: { state: 'writing' } });
      const result = await bridge.call('diagnostics.bundle', {});
      set({
        diagnosticsBundle: result.ok ? { state: 'written', bundle: result.value } : { state: 'failed' },
      });
      if (!result.ok)
        void bridge.call('log.write', {
          level: 'warn',
          event: 'diagnostics.failed',
          detail: result.error.code,
        });
    },
  });
