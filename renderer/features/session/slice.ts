import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { Session, SignInRefusal } from '../../../domain/session/session';
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
      // Signed out by main too (not only by the button): the form's words are kept, and its screen cleared.
      if (session === null && get().session !== null) void get().closeCardForm();
      // The screen holds no card of the last account for the next one (one workstation, several accounts).
      if (session?.login !== get().session?.login) get().forgetCards();
      const signedIn = session !== null && get().session?.login !== session.login;
      set({ session, sessionLoaded: true });
      if (signedIn) get().landAfterSignIn();
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
      // The open card's last words are saved under the account that typed them, and nothing of it stays on screen.
      await get().closeCardForm();
      await bridge.call('session.signOut', {});
    },
  });
