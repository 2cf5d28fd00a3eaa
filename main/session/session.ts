import type { Session, SignInInput, SignInResult } from '../../domain/session/session';
import type { Logger } from '../log';
import type { CentralClient, TokenPair } from '../sync/centralClient';
import type { TokenSource } from '../sync/engine';
import type { OfflineAccounts, SignedInAccount } from '../store/offlineAccounts';

/** argon2id at OWASP's minimum (19 MiB, 2 passes), as central hashes: the verifier never leaves this workstation's disk. */
const VERIFIER_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Loaded at the first sign-in, not at start: the native module costs the console's start-up ~0.1 s (bench/startup). */
const loadArgon2 = async () => (await import('argon2')).default;

/** Refresh this long before the access token expires, so a push never starts with a dying token. */
const REFRESH_MARGIN_MS = 60_000;

export interface SessionService extends TokenSource {
  current(): Session | null;
  signIn(input: SignInInput): Promise<SignInResult>;
  signOut(): void;
  onChange(listener: (session: Session | null) => void): () => void;
}

interface Tokens {
  access: string;
  refresh: string;
  expiresAt: number;
}

/**
 * Sign-in against central, held in main. Offline sign-in works for an account that signed in online on
 * this workstation within `maxOfflineAgeMs`. During an offline session the password is kept in main's
 * memory only, to sign in to central the moment it answers (the alternative, a refresh token on disk,
 * would outlive the session); it is dropped as soon as that succeeds or the operator signs out.
 */
export function createSessionService(deps: {
  client: CentralClient;
  offline: OfflineAccounts;
  maxOfflineAgeMs: number;
  now: () => Date;
  log: Logger;
}): SessionService {
  let session: Session | null = null;
  let tokens: Tokens | null = null;
  let pendingPassword: string | null = null;
  let refreshing: Promise<string | null> | null = null;
  const listeners = new Set<(s: Session | null) => void>();

  const publish = (next: Session | null) => {
    session = next;
    for (const l of listeners) l(next);
  };
  const toSession = (a: SignedInAccount, mode: Session['mode']): Session => ({
    login: a.login,
    displayName: a.displayName,
    role: a.role,
    departmentId: a.departmentId,
    mode,
  });
  const accept = (pair: TokenPair) => {
    tokens = {
      access: pair.accessToken,
      refresh: pair.refreshToken,
      expiresAt: deps.now().getTime() + pair.expiresIn * 1000,
    };
  };

  async function onlineSignIn(login: string, password: string) {
    const answer = await deps.client.login(login, password);
    if (answer.ok) {
      accept(answer.value);
      const account = answer.value.account;
      const argon2 = await loadArgon2();
      const verifier = await argon2.hash(password, { ...VERIFIER_OPTIONS, type: argon2.argon2id });
      deps.offline.remember(login, verifier, account, deps.now());
      pendingPassword = null;
      publish(toSession(account, 'online'));
      deps.log.info('auth.signedIn', { mode: 'online', role: account.role });
    }
    return answer;
  }

  async function freshToken(): Promise<string | null> {
    if (tokens && tokens.expiresAt - REFRESH_MARGIN_MS > deps.now().getTime()) return tokens.access;
    if (tokens) {
      const answer = await deps.client.refresh(tokens.refresh);
      if (answer.ok) {
        accept(answer.value);
        return answer.value.accessToken;
      }
      if (answer.failure.kind === 'http') tokens = null;
      return null;
    }
    if (session?.mode === 'offline' && pendingPassword) {
      const answer = await onlineSignIn(session.login, pendingPassword);
      return answer.ok ? answer.value.accessToken : null;
    }
    return null;
  }

  return {
    current: () => session,
    async signIn({ login, password }) {
      const answer = await onlineSignIn(login, password);
      if (answer.ok) return { ok: true, session: toSession(answer.value.account, 'online') };
      const { failure } = answer;
      if (failure.kind === 'http') {
        switch (failure.status) {
          case 401:
          case 400:
            return { ok: false, refusal: 'wrongCredentials' };
          // 429: too many failed sign-ins from this workstation for this login (central's throttle).
          case 429:
          case 423:
            return { ok: false, refusal: 'locked' };
          case 403:
            return { ok: false, refusal: 'disabled' };
          default:
            return { ok: false, refusal: 'unavailable' };
        }
      }
      const known = deps.offline.find(login);
      if (!known) return { ok: false, refusal: 'offlineUnknownAccount' };
      if (!(await (await loadArgon2()).verify(known.verifier, password)))
        return { ok: false, refusal: 'wrongCredentials' };
      if (deps.now().getTime() - known.lastOnlineAt.getTime() > deps.maxOfflineAgeMs)
        return { ok: false, refusal: 'offlineTooOld' };
      tokens = null;
      pendingPassword = password;
      const offlineSession = toSession(known.account, 'offline');
      publish(offlineSession);
      deps.log.info('auth.signedIn', { mode: 'offline', role: known.account.role });
      return { ok: true, session: offlineSession };
    },
    signOut() {
      tokens = null;
      pendingPassword = null;
      publish(null);
      deps.log.info('auth.signedOut');
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken() {
      // One refresh at a time: the engine and the realtime link may ask together, and a refresh token is single-use.
      refreshing ??= freshToken().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    refused() {
      if (tokens) tokens.expiresAt = 0;
    },
  };
}
