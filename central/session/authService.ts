import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import { refusal } from '../../domain/contract/refusal';
import { HttpProblem } from '../http/problem';
import type { EventBus } from '../bus/bus';
import { RoleSchema } from '../../domain/session/roles';
import {
  type AccountRepository,
  type AccountRow,
  type AccountBasics,
  rowToAccount,
} from '../accounts/accountRepository';
import type { LoginFailureRepository } from './loginFailureRepository';
import { throttleAddress } from '../http/clientAddress';
import { hashPassword, verifyPassword } from '../accounts/passwords';
import type { Principal } from './principal';
import type { SessionRepository } from './sessionRepository';
import type { SigningKeys } from './signingKeys';

export const AUTH_POLICY = {
  accessTokenSeconds: 15 * 60,
  refreshTokenSeconds: 12 * 60 * 60,
} as const;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  account: AccountBasics;
}

/** Too many failed sign-ins for this login from this address: wait, then try again (loginThrottle.ts). */
export class LoginThrottled extends HttpProblem {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      refusal('auth.throttled', { retryAfterSeconds }),
      `too many failed sign-ins from this address; try again in ${retryAfterSeconds} s`,
    );
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** What central puts in an access token besides its subject: the session it belongs to. */
const AccessClaimsSchema = z.object({ sub: z.uuid(), sid: z.uuid() });

export function createAuthService(deps: {
  accounts: AccountRepository;
  sessions: SessionRepository;
  failures: LoginFailureRepository;
  departments: DepartmentDirectory;
  keys: SigningKeys;
  bus: EventBus;
}) {
  const { accounts, sessions, failures, departments, keys, bus } = deps;
  const dummyHash = hashPassword(randomBytes(16).toString('hex'));

  async function issue(row: AccountRow, sessionId: string, isNewSession: boolean): Promise<TokenPair> {
    const accessToken = await new SignJWT({ role: row.role, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', kid: keys.currentKid })
      .setSubject(row.id)
      .setIssuedAt()
      .setExpirationTime(`${AUTH_POLICY.accessTokenSeconds}s`)
      .sign(keys.current);
    const refreshToken = randomBytes(32).toString('base64url');
    const stored = {
      sessionId,
      accountId: row.id,
      tokenHash: sha256(refreshToken),
      ttlSeconds: AUTH_POLICY.refreshTokenSeconds,
    };
    await (isNewSession ? sessions.open(stored) : sessions.saveRefreshToken(stored));
    return {
      accessToken,
      refreshToken,
      expiresIn: AUTH_POLICY.accessTokenSeconds,
      account: rowToAccount(row),
    };
  }

  return {
    /**
     * Signs in. An unknown login and a wrong password get the same answer after the same work (an argon2
     * verification against a dummy hash, the same failure counting), so answers do not tell which logins
     * exist. `clientAddress` is the request's address: failures are throttled per (login, address).
     */
    async login(
      login: string,
      password: string,
      clientAddress: string,
      /** `console`: a person at `/api/auth/login`; `integration`: a vehicle system at `/api/units/auth` (§13). */
      purpose: 'console' | 'integration' = 'console',
    ): Promise<TokenPair> {
      const address = throttleAddress(clientAddress);
      const { waitSeconds } = await failures.reserveAttempt(login, address);
      if (waitSeconds > 0) throw new LoginThrottled(waitSeconds);
      const row = await accounts.byLogin(login);
      const verified = await verifyPassword(row?.password_hash ?? (await dummyHash), password);
      if (!row || !verified)
        throw new HttpProblem(401, refusal('auth.wrongCredentials'), 'wrong login or password');
      await failures.clear(login, address);
      // Only the holder of the right password learns that the account is disabled.
      if (row.disabled) throw new HttpProblem(403, refusal('auth.disabled'), 'account disabled');
      // A vehicle system's account never signs in to the console, and a person's never as a vehicle system.
      if (purpose === 'console' && row.role === 'integration')
        throw new HttpProblem(403, refusal('auth.notForConsole'), 'a vehicle system account cannot sign in here');
      if (purpose === 'integration' && row.role !== 'integration')
        throw new HttpProblem(403, refusal('auth.integrationOnly'), 'only a vehicle system account signs in here');
      return issue(row, uuidv7(), true);
    },

    async refresh(refreshToken: string): Promise<TokenPair> {
      const rotation = await sessions.rotate(sha256(refreshToken));
      if (rotation.kind === 'unknown')
        throw new HttpProblem(401, refusal('auth.expired'), 'refresh token unknown or expired');
      if (rotation.kind === 'reused') {
        await bus.publish({
          kind: 'sessions.revoked',
          accountId: rotation.accountId,
          sessionId: rotation.sessionId,
        });
        throw new HttpProblem(
          401,
          refusal('auth.sessionEnded'),
          'this refresh token was used before; the session is ended, sign in again',
        );
      }
      const row = await accounts.byId(rotation.accountId);
      if (!row || row.disabled)
        throw new HttpProblem(401, refusal('auth.disabled'), 'account disabled or deleted');
      return issue(row, rotation.sessionId, false);
    },

    /**
     * Turns an access token into the principal, reading the account and its session afresh, so that
     * disabling an account, resetting its password or revoking the session ends the token at once, and a
     * changed role or department applies to the next request.
     */
    async authenticate(accessToken: string | undefined): Promise<Principal & { sessionId: string }> {
      if (!accessToken) throw new HttpProblem(401, refusal('auth.required'), 'login required');
      let claims: z.infer<typeof AccessClaimsSchema>;
      try {
        const keyOf = ({ kid }: { kid?: string }) => {
          const key = keys.byKid(kid);
          if (!key) throw new Error('unknown key id');
          return key;
        };
        claims = AccessClaimsSchema.parse(
          (await jwtVerify(accessToken, keyOf, { algorithms: ['HS256'] })).payload,
        );
      } catch {
        throw new HttpProblem(401, refusal('auth.expired'), 'access token invalid or expired');
      }
      const row = await sessions.accountInSession(claims.sub, claims.sid);
      if (!row || row.disabled)
        throw new HttpProblem(401, refusal('auth.disabled'), 'account disabled or deleted');
      if (!row.session_live)
        throw new HttpProblem(
          401,
          refusal('auth.sessionEnded'),
          'this session was ended (password reset, account disabled or token reuse); sign in again',
        );
      return {
        accountId: row.id,
        role: RoleSchema.parse(row.role),
        departmentId: row.department_id,
        scope: departments.scopeOf(row.department_id),
        sessionId: claims.sid,
      };
    },

    /** Sign-out: the refresh token's session ends now, its access tokens with it, and its sockets close. */
    async logout(refreshToken: string): Promise<void> {
      const ended = await sessions.endByRefreshToken(sha256(refreshToken));
      if (ended) await bus.publish({ kind: 'sessions.revoked', ...ended });
    },

    /** Password reset, account disabled or deleted: every session ends now, and its sockets close. */
    async revokeSessions(accountId: string): Promise<void> {
      await sessions.revokeAccount(accountId);
      await bus.publish({ kind: 'sessions.revoked', accountId, sessionId: null });
    },

    /** Role or department changed: open sockets reconnect so that they are filtered by the new territory. */
    async accountChanged(accountId: string): Promise<void> {
      await bus.publish({ kind: 'account.changed', accountId });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
