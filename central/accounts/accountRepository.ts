import { z } from 'zod';
import { RoleSchema } from '../../domain/roles';
import type { Sql } from '../db/database';

/** An account as the admin sees it (§28); never the hash. */
export const AccountViewSchema = z.object({
  id: z.uuid(),
  login: z.string(),
  role: RoleSchema,
  departmentId: z.string().nullable(),
  displayName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

export interface AccountRow {
  id: string;
  login: string;
  password_hash: string;
  role: string;
  department_id: string | null;
  display_name: string;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export const iso = (v: Date | string): string => new Date(v).toISOString();

export function rowToAccount(row: AccountRow): AccountView {
  return {
    id: row.id,
    login: row.login,
    role: RoleSchema.parse(row.role),
    departmentId: row.department_id,
    displayName: row.display_name,
    disabled: row.disabled,
    lockedUntil: row.locked_until === null ? null : iso(row.locked_until),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export interface NewAccount {
  id: string;
  login: string;
  passwordHash: string;
  role: string;
  departmentId: string | null;
  displayName: string;
}

export interface AccountChanges {
  passwordHash?: string;
  role?: string;
  departmentId?: string | null;
  displayName?: string;
  disabled?: boolean;
}

/** Accounts, their lockout counters and refresh tokens. */
export function createAccountRepository(db: Sql) {
  return {
    async list(): Promise<AccountView[]> {
      return (await db.query<AccountRow>('select * from accounts order by login')).map(rowToAccount);
    },
    async byId(id: string): Promise<AccountRow | null> {
      return (await db.query<AccountRow>('select * from accounts where id = $1', [id]))[0] ?? null;
    },
    async byLogin(login: string): Promise<AccountRow | null> {
      return (await db.query<AccountRow>('select * from accounts where login = $1', [login]))[0] ?? null;
    },
    /** Inserts unless the login exists; answers whether it was inserted. */
    async insert(a: NewAccount): Promise<boolean> {
      const rows = await db.query(
        `insert into accounts (id, login, password_hash, role, department_id, display_name)
         values ($1, $2, $3, $4, $5, $6) on conflict (login) do nothing returning id`,
        [a.id, a.login, a.passwordHash, a.role, a.departmentId, a.displayName],
      );
      return rows.length === 1;
    },
    async update(id: string, c: AccountChanges): Promise<AccountRow | null> {
      const rows = await db.query<AccountRow>(
        `update accounts set
           password_hash = coalesce($2, password_hash),
           role = coalesce($3, role),
           department_id = case when $4::boolean then $5 else department_id end,
           display_name = coalesce($6, display_name),
           disabled = coalesce($7, disabled),
           failed_logins = case when $2::text is not null then 0 else failed_logins end,
           locked_until = case when $2::text is not null then null else locked_until end,
           updated_at = now()
         where id = $1 returning *`,
        [
          id,
          c.passwordHash ?? null,
          c.role ?? null,
          c.departmentId !== undefined,
          c.departmentId ?? null,
          c.displayName ?? null,
          c.disabled ?? null,
        ],
      );
      return rows[0] ?? null;
    },
    async remove(id: string): Promise<boolean> {
      return (await db.query('delete from accounts where id = $1 returning id', [id])).length === 1;
    },
    /** Counts a failed login; from `maxFailures` on the account is locked for `lockMinutes`. */
    async recordFailure(id: string, maxFailures: number, lockMinutes: number): Promise<void> {
      await db.query(
        `update accounts set failed_logins = failed_logins + 1,
           locked_until = case when failed_logins + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end
         where id = $1`,
        [id, maxFailures, lockMinutes],
      );
    },
    async recordSuccess(id: string): Promise<void> {
      await db.query('update accounts set failed_logins = 0, locked_until = null where id = $1', [id]);
    },
    async saveRefreshToken(tokenHash: string, accountId: string, ttlSeconds: number): Promise<void> {
      await db.query(
        `insert into refresh_tokens (token_hash, account_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))`,
        [tokenHash, accountId, ttlSeconds],
      );
    },
    /** Uses a refresh token up (rotation): answers its account when it was valid. */
    async takeRefreshToken(tokenHash: string): Promise<string | null> {
      const rows = await db.query<{ account_id: string }>(
        'delete from refresh_tokens where token_hash = $1 and expires_at > now() returning account_id',
        [tokenHash],
      );
      return rows[0]?.account_id ?? null;
    },
  };
}
export type AccountRepository = ReturnType<typeof createAccountRepository>;
