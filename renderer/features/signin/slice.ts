import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/ipc';
import type { Session, SignInRefusal } from '../../../domain/session';
import type { ConsoleState } from '../../store';

export interface SignInSlice {
  // State
  session: Session | null;
  sessionLoaded: boolean;
  signingIn: boolean;
  signInRefusal: SignInRefusal | null;
  // Actions
  loadSession(): Promise<void>;
  sessionChanged(session: Session | null): void;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

export const createSignInSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], SignInSlice> =>
  (set, get) => ({
    session: null,
    sessionLoaded: false,
    signingIn: false,
    signInRefusal: null,
    async loadSession() {
      const result = await bridge.call('session.get', {});
      if (result.ok) set({ session: result.value, sessionLoaded: true });
    },
    sessionChanged(session) {
      // The screen holds no card of the last account for the next one (issue 9: one workstation, several accounts).
      if (session?.login !== get().session?.login) get().forgetCards();
      set({ session, sessionLoaded: true });
      // The account's role decides the sections; main answers it in app.info.
      void get().loadShell();
      void get().loadCards();
      void get().loadSync();
      // Units and territories are the account's: another account, another copy.
      void get().loadReference();
    },
    async signIn(login, password) {
      if (get().signingIn) return;
      set({ signingIn: true, signInRefusal: null });
      const result = await bridge.call('session.signIn', { login, password });
      if (!result.ok) set({ signingIn: false, signInRefusal: 'unavailable' });
      else if (result.value.ok) set({ signingIn: false });
      else set({ signingIn: false, signInRefusal: result.value.refusal });
    },
    async signOut() {
      // What the operator typed in the last moments is saved under their account before it ends.
      get().newCard();
      await bridge.call('session.signOut', {});
    },
  });
