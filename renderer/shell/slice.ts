import type { StateCreator } from 'zustand';
import type { AppInfo, Connectivity, ConsoleBridge } from '../../domain/contract/ipc';
import type { TransportState } from '../bridge';
import type { CommandRefusal } from '../commands/registry';
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
  /** A new workstation's one-time readiness introduction is on screen (§27); sign-in does not skip it. */
  introducingReadiness: boolean;
  /** Why the last key pressed did nothing; `at` tells one refusal from the same one again. */
  commandRefusal: (CommandRefusal & { at: number }) | null;
  // Actions
  loadShell(): Promise<void>;
  setTransport(state: TransportState): void;
  setConnectivity(connectivity: Connectivity): void;
  setTheme(theme: Theme): void;
  toggleHelp(open?: boolean): void;
  showView(view: ViewId): void;
  /** After sign-in the work starts on the cards (or the role's first section), not where the last account left off. */
  landAfterSignIn(): void;
  showCommandRefusal(refusal: CommandRefusal | null): void;
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
  (set) => {
    const view = firstView();
    return {
      appInfo: null,
      connectivity: null,
      transport: 'connecting',
      theme: savedTheme(),
      helpOpen: false,
      view,
      introducingReadiness: view === 'readiness',
      commandRefusal: null,
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
      showView: (next) => set({ view: next, introducingReadiness: false }),
      landAfterSignIn: () =>
        set((state) => ({
          view: state.introducingReadiness ? 'readiness' : 'cards',
          introducingReadiness: false,
        })),
      showCommandRefusal: (refusal) =>
        set({ commandRefusal: refusal ? { ...refusal, at: Date.now() } : null }),
    };
  };
