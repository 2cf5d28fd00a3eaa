import type { Role } from '../../domain/session/roles';
import type { Session, SignInInput, SignInResult } from '../../domain/session/session';
import type { Logger } from '../log';
import type { CentralClient } from '../central/client';
import { type TokenSource, createTokenKeeper } from '../central/tokens';
import type { OfflineAccounts, SignedInAccount } from '../store/offlineAccounts';

/** argon2id at OWASP's minimum (19 MiB, 2 passes), as central hashes: the verifier never leaves this workstation's disk. */
const VERIFIER_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Loaded at the first sign-in, not at start: the native module costs the console's start-up ~0.1 s (bench/startup). */
const loadArgon2 = async () => (await import('argon2')).default;

export interface SessionService extends TokenSource {
  current(): Session | null;
  signIn(input: SignInInput): Promise<SignInResult>;
  signOut(): void;
  onChange(listener: (session: Session | null) => void): () => void;
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
  /** IT's role lock (main/config/roleLock.ts): accounts of another role are refused here; null: none. */
  roleLock?: Role | null;
  now: () => Date;
  log: Logger;
}): SessionService {
  const roleLock = deps.roleLock ?? null;
  let session: Session | null = null;
  let pendingPassword: string | null = null;
  const tokens = createTokenKeeper({
    async refresh(refreshToken) {
      const answer = await deps.client.anonymous('POST /api/auth/refresh', { body: { refreshToken } });
      // Central ended the session (account disabled, password reset, token reused): this console signs out
      // at once instead of carrying on as "online" with no way to reach central.
      if (
        !answer.ok &&
        answer.failure.kind === 'http' &&
        answer.failure.status === 401 &&
        session?.mode === 'online'
      )
        ended();
      return answer;
    },
    async withoutTokens() {
      if (session?.mode !== 'offline' || !pendingPassword) return null;
      const answer = await onlineSignIn(session.login, pendingPassword);
      return answer.ok ? answer.value.accessToken : null;
    },
    now: deps.now,
  });
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
  function ended() {
    pendingPassword = null;
    publish(null);
    deps.log.info('auth.sessionEnded');
  }
  async function endOnCentral(refreshToken: string, failureEvent: string) {
    const answer = await deps.client.anonymous('POST /api/auth/logout', { body: { refreshToken } });
    if (!answer.ok) deps.log.warn(failureEvent, { kind: answer.failure.kind });
  }
  const lockedOut = (role: Role) => roleLock !== null && role !== roleLock;
  async function onlineSignIn(login: string, password: string) {
    const answer = await deps.client.anonymous('POST /api/auth/login', { body: { login, password } });
    if (answer.ok && lockedOut(answer.value.account.role)) {
      deps.log.info('auth.roleLocked', { role: answer.value.account.role });
      // The session central just opened is nobody's here: end it, so its tokens are good for nothing.
      await endOnCentral(answer.value.refreshToken, 'auth.roleLockedLogoutFailed');
      return { ok: false as const, roleLocked: true as const };
    }
    if (answer.ok) {
      tokens.accept(answer.value);
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

  return {
    current: () => session,
    async signIn({ login, password }) {
      const answer = await onlineSignIn(login, password);
      if (answer.ok) return { ok: true, session: toSession(answer.value.account, 'online') };
      if ('roleLocked' in answer) return { ok: false, refusal: 'roleLocked' };
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
      if (lockedOut(known.account.role)) return { ok: false, refusal: 'roleLocked' };
      if (deps.now().getTime() - known.lastOnlineAt.getTime() > deps.maxOfflineAgeMs)
        return { ok: false, refusal: 'offlineTooOld' };
      tokens.forget();
      pendingPassword = password;
      const offlineSession = toSession(known.account, 'offline');
      publish(offlineSession);
      deps.log.info('auth.signedIn', { mode: 'offline', role: known.account.role });
      return { ok: true, session: offlineSession };
    },
    signOut() {
      const refreshToken = tokens.forget();
      pendingPassword = null;
      publish(null);
      deps.log.info('auth.signedOut');
      // The session ends on central too, so it leaves the admin's list of live sessions and its refresh token
      // opens nothing. Offline, central's own expiry ends it; the console is signed out either way.
      if (refreshToken !== null) void endOnCentral(refreshToken, 'auth.signOutLogoutFailed');
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: () => tokens.accessToken(),
    refused: () => tokens.refused(),
  };
}
