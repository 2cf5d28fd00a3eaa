import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem } from '../http/problem';
import { RoleSchema } from '../../domain/roles';
import { type AccountRepository, type AccountView, rowToAccount } from './accountRepository';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import type { SigningKeys } from './signingKeys';

export const AUTH_POLICY = {
  accessTokenSeconds: 15 * 60,
  refreshTokenSeconds: 12 * 60 * 60,
  /** Five wrong passwords lock the login for fifteen minutes (§28 accounts; brute force). */
  maxFailures: 5,
  lockMinutes: 15,
} as const;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  account: AccountView;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function createAuthService(
  accounts: AccountRepository,
  departments: DepartmentDirectory,
  keys: SigningKeys,
) {
  const dummyHash = hashPassword(randomBytes(16).toString('hex'));

  async function issue(accountId: string): Promise<TokenPair> {
    const row = await accounts.byId(accountId);
    if (!row) throw new HttpProblem(401, 'account no longer exists');
    const accessToken = await new SignJWT({ role: row.role })
      .setProtectedHeader({ alg: 'HS256', kid: keys.currentKid })
      .setSubject(row.id)
      .setIssuedAt()
      .setExpirationTime(`${AUTH_POLICY.accessTokenSeconds}s`)
      .sign(keys.current);
    const refreshToken = randomBytes(32).toString('base64url');
    await accounts.saveRefreshToken(sha256(refreshToken), row.id, AUTH_POLICY.refreshTokenSeconds);
    return {
      accessToken,
      refreshToken,
      expiresIn: AUTH_POLICY.accessTokenSeconds,
      account: rowToAccount(row),
    };
  }

  return {
    async login(login: string, password: string): Promise<TokenPair> {
      const row = await accounts.byLogin(login);
      // The same answer for an unknown login and a wrong password, so logins cannot be probed.
      const refused = new HttpProblem(401, 'wrong login or password');
      if (!row) {
        // Spend the same argon2 time as for a real account, so response times do not reveal logins.
        await verifyPassword(await dummyHash, password);
        throw refused;
      }
      if (row.locked_until !== null && new Date(row.locked_until).getTime() > Date.now()) {
        throw new HttpProblem(
          423,
          `account locked after ${AUTH_POLICY.maxFailures} failed logins; try again later`,
        );
      }
      if (row.disabled) throw new HttpProblem(403, 'account disabled');
      if (!(await verifyPassword(row.password_hash, password))) {
        await accounts.recordFailure(row.id, AUTH_POLICY.maxFailures, AUTH_POLICY.lockMinutes);
        throw refused;
      }
      await accounts.recordSuccess(row.id);
      return issue(row.id);
    },

    async refresh(refreshToken: string): Promise<TokenPair> {
      const accountId = await accounts.takeRefreshToken(sha256(refreshToken));
      if (!accountId) throw new HttpProblem(401, 'refresh token unknown or expired');
      const row = await accounts.byId(accountId);
      if (!row || row.disabled) throw new HttpProblem(401, 'account disabled or deleted');
      return issue(accountId);
    },

    /**
     * Turns an access token into the principal, reading the account afresh so that disabling an
     * account or changing its role or department takes effect on the next request.
     */
    async authenticate(accessToken: string | undefined): Promise<Principal> {
      if (!accessToken) throw new HttpProblem(401, 'login required');
      let subject: string | undefined;
      try {
        const keyOf = ({ kid }: { kid?: string }) => {
          const key = keys.byKid(kid);
          if (!key) throw new Error('unknown key id');
          return key;
        };
        subject = (await jwtVerify(accessToken, keyOf, { algorithms: ['HS256'] })).payload.sub;
      } catch {
        throw new HttpProblem(401, 'access token invalid or expired');
      }
      const row = subject ? await accounts.byId(subject) : null;
      if (!row || row.disabled) throw new HttpProblem(401, 'account disabled or deleted');
      return {
        accountId: row.id,
        role: RoleSchema.parse(row.role),
        departmentId: row.department_id,
        scope: departments.scopeOf(row.department_id),
      };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
