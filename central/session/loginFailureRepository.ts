import type { Database } from '../db/database';
import { LOGIN_THROTTLE, loginWaitSeconds, type ThrottleState } from './loginThrottle';

interface StateRow {
  now: Date | string;
  failures: number | null;
  last_failed_at: Date | string | null;
  address_failures: number | string;
  address_oldest: Date | string | null;
}

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** Failed sign-ins per (login, client address) (loginThrottle.ts says why not per login alone). */
export function createLoginFailureRepository(db: Database, policy = LOGIN_THROTTLE) {
  return {
    /**
     * Counts this attempt as a failure before the password is checked — unless the pair must still wait,
     * then answers the seconds to wait and counts nothing. The row is locked meanwhile, so guesses sent
     * all at once are counted one after the other instead of all passing the same check.
     */
    async reserveAttempt(login: string, address: string): Promise<{ waitSeconds: number }> {
      return db.transaction(async (tx) => {
        await tx.query(
          `insert into login_failures (login, address, failures, last_failed_at)
           values ($1, $2, 0, '-infinity') on conflict (login, address) do nothing`,
          [login, address],
        );
        const [row] = await tx.query<StateRow>(
          `select now() as now, f.failures, nullif(f.last_failed_at, '-infinity') as last_failed_at,
             (select coalesce(sum(a.failures), 0) from login_failures a
               where a.address = $2 and a.last_failed_at > now() - make_interval(mins => $3)) as address_failures,
             (select min(a.last_failed_at) from login_failures a
               where a.address = $2 and a.last_failed_at > now() - make_interval(mins => $3)) as address_oldest
           from login_failures f where f.login = $1 and f.address = $2 for update of f`,
          [login, address, policy.addressWindowMinutes],
        );
        if (!row) throw new Error('login_failures row vanished inside its transaction');
        const state: ThrottleState = {
          failures: row.failures ?? 0,
          lastFailedAt: toDate(row.last_failed_at),
          addressFailures: Number(row.address_failures),
          addressOldestFailureAt: toDate(row.address_oldest),
          now: new Date(row.now),
        };
        const waitSeconds = loginWaitSeconds(state, policy);
        if (waitSeconds > 0) return { waitSeconds };
        await tx.query(
          `update login_failures set
             failures = case when last_failed_at < now() - make_interval(hours => $3) then 1 else failures + 1 end,
             last_failed_at = now()
           where login = $1 and address = $2`,
          [login, address, policy.forgetAfterHours],
        );
        return { waitSeconds: 0 };
      });
    },

    /** The logins whose sign-ins wrong passwords slow down now, from some address (the admin sees them locked). */
    async slowedLogins(logins: readonly string[]): Promise<Set<string>> {
      const rows = await db.query<{ login: string }>(
        `select distinct login from login_failures where login = any($1::text[]) and failures >= $2
           and last_failed_at > now() - make_interval(hours => $3)`,
        [logins, policy.freeFailures, policy.forgetAfterHours],
      );
      return new Set(rows.map((r) => r.login));
    },

    /** The admin's unlock: every wrong password counted against the login, from every address, is forgotten. */
    async forgetLogin(login: string): Promise<void> {
      await db.query('delete from login_failures where login = $1', [login]);
    },

    /** The right password: this pair starts afresh; long-forgotten rows of anyone are swept. */
    async clear(login: string, address: string): Promise<void> {
      await db.query('delete from login_failures where login = $1 and address = $2', [login, address]);
      await db.query(`delete from login_failures where last_failed_at < now() - make_interval(hours => $1)`, [
        policy.forgetAfterHours,
      ]);
    },
  };
}
export type LoginFailureRepository = ReturnType<typeof createLoginFailureRepository>;
