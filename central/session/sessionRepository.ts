import type { Database } from '../db/database';
import type { AccountRow } from '../accounts/accountRepository';

/** What using a refresh token found: a fresh one, one used before (its session is now revoked), or none. */
export type Rotation =
  | { kind: 'fresh'; accountId: string; sessionId: string }
  | { kind: 'reused'; accountId: string; sessionId: string }
  | { kind: 'unknown' };

/**
 * Sessions (one sign-in and the chain of refresh tokens rotated from it) and their refresh tokens, stored
 * as SHA-256 hashes. A used token is kept, marked, until it expires: that is how a second use is seen.
 */
export function createSessionRepository(db: Database) {
  return {
    /** A new session with its first refresh token, in one transaction, after sweeping the account's dead ones. */
    async open(a: {
      sessionId: string;
      accountId: string;
      tokenHash: string;
      ttlSeconds: number;
    }): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query(
          `delete from sessions s where s.account_id = $1 and not exists
             (select 1 from refresh_tokens r where r.session_id = s.id and r.expires_at > now())`,
          [a.accountId],
        );
        await tx.query('insert into sessions (id, account_id) values ($1, $2)', [a.sessionId, a.accountId]);
        await tx.query(
          `insert into refresh_tokens (token_hash, account_id, session_id, expires_at)
           values ($1, $2, $3, now() + make_interval(secs => $4))`,
          [a.tokenHash, a.accountId, a.sessionId, a.ttlSeconds],
        );
      });
    },

    async saveRefreshToken(a: {
      sessionId: string;
      accountId: string;
      tokenHash: string;
      ttlSeconds: number;
    }) {
      await db.query(
        `insert into refresh_tokens (token_hash, account_id, session_id, expires_at)
         values ($1, $2, $3, now() + make_interval(secs => $4))`,
        [a.tokenHash, a.accountId, a.sessionId, a.ttlSeconds],
      );
    },

    /**
     * Uses a refresh token up. A token that was used before means two holders — the officer and whoever
     * copied it — so the whole session is revoked and neither may continue without a password.
     */
    async rotate(tokenHash: string): Promise<Rotation> {
      const fresh = await db.query<{ account_id: string; session_id: string }>(
        `update refresh_tokens r set used_at = now() from sessions s
         where r.token_hash = $1 and r.used_at is null and r.expires_at > now()
           and s.id = r.session_id and s.revoked_at is null
         returning r.account_id, r.session_id`,
        [tokenHash],
      );
      if (fresh[0]) return { kind: 'fresh', accountId: fresh[0].account_id, sessionId: fresh[0].session_id };
      const used = await db.query<{ account_id: string; session_id: string }>(
        'select account_id, session_id from refresh_tokens where token_hash = $1 and used_at is not null',
        [tokenHash],
      );
      if (!used[0]) return { kind: 'unknown' };
      const { account_id: accountId, session_id: sessionId } = used[0];
      await db.transaction(async (tx) => {
        await tx.query('update sessions set revoked_at = now() where id = $1 and revoked_at is null', [
          sessionId,
        ]);
        await tx.query('delete from refresh_tokens where session_id = $1 and used_at is null', [sessionId]);
      });
      return { kind: 'reused', accountId, sessionId };
    },

    /** Ends the session this refresh token belongs to (sign-out); null when the token is not known. */
    async endByRefreshToken(tokenHash: string): Promise<{ accountId: string; sessionId: string } | null> {
      const found = await db.query<{ account_id: string; session_id: string }>(
        'select account_id, session_id from refresh_tokens where token_hash = $1',
        [tokenHash],
      );
      if (!found[0]) return null;
      const { account_id: accountId, session_id: sessionId } = found[0];
      await db.transaction(async (tx) => {
        await tx.query('update sessions set revoked_at = now() where id = $1 and revoked_at is null', [
          sessionId,
        ]);
        await tx.query('delete from refresh_tokens where session_id = $1 and used_at is null', [sessionId]);
      });
      return { accountId, sessionId };
    },

    /** Ends every session of the account (password reset, account disabled). */
    async revokeAccount(accountId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query(
          'update sessions set revoked_at = now() where account_id = $1 and revoked_at is null',
          [accountId],
        );
        await tx.query('delete from refresh_tokens where account_id = $1 and used_at is null', [accountId]);
      });
    },

    /**
     * The account behind an access token, read afresh with whether its session still stands: one query
     * per request, by primary keys, so revocation takes effect on the very next request.
     */
    async accountInSession(
      accountId: string,
      sessionId: string,
    ): Promise<(AccountRow & { session_live: boolean }) | null> {
      const rows = await db.query<AccountRow & { session_live: boolean }>(
        `select a.*, (s.id is not null and s.revoked_at is null) as session_live
         from accounts a left join sessions s on s.id = $2 and s.account_id = a.id
         where a.id = $1`,
        [accountId, sessionId],
      );
      return rows[0] ?? null;
    },
  };
}
export type SessionRepository = ReturnType<typeof createSessionRepository>;
