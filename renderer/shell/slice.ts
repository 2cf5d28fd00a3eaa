import type { StateCreator } from 'zustand';
import type { AppInfo, Connectivity, ConsoleBridge } from '../../domain/ipc';
import type { TransportState } from '../bridge';
import type { ConsoleState } from '../store';

export type Theme = 'dark' | 'light';
export type ViewId = 'cards' | (string & {});

export interface ShellSlice {
  // State
  appInfo: AppInfo | null;
  connectivity: Connectivity | null;
  transport: TransportState;
  theme: Theme;
  helpOpen: boolean;
  view: ViewId;
  // Actions
  loadShell(): Promise<void>;
  setTransport(state: TransportState): void;
  setConnectivity(connectivity: Connectivity): void;
  setTheme(theme: Theme): void;
  toggleHelp(open?: boolean): void;
  showView(view: ViewId): void;
}

const THEME_KEY = 'console102.theme';

export const savedTheme = (): Theme => (localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark');

export const READINESS_INTRODUCED_KEY = 'console102.readinessIntroduced';

/** A new workstation opens once on its readiness check (§27); every later start opens on the work itself. */
function firstView(): ViewId {
  if (localStorage.getItem(READINESS_INTRODUCED_KEY)) return 'cards';
  localStorage.setItem(READINESS_INTRODUCED_KEY, '1');
  return 'readiness';
}

export const createShellSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], ShellSlice> =>
  (set) => ({
    appInfo: null,
    connectivity: null,
    transport: 'connecting',
    theme: savedTheme(),
    helpOpen: false,
    view: firstView(),
    async loadShell() {
      const [info, connectivity] = await Promise.all([
        bridge.call('app.info', {}),
        bridge.call('connectivity.get', {}),
      ]);
      if (info.ok) set({ appInfo: info.value });
      if (connectivity.ok) set({ connectivity: connectivity.value });
    },
    setTransport: (transport) => set({ transport }),
    setConnectivity: (connectivity) => set({ connectivity }),
    setTheme(theme) {
      localStorage.setItem(THEME_KEY, theme);
      set({ theme });
    },
    toggleHelp: (open) => set((state) => ({ helpOpen: open ?? !state.helpOpen })),
    showView: (view) => set({ view }),
  });
