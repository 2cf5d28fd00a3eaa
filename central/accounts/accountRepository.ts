import type { AccountView } from '../../domain/admin/account';
import { RoleSchema } from '../../domain/session/roles';
import type { Sql } from '../db/database';

export interface AccountRow {
  id: string;
  login: string;
  password_hash: string;
  role: string;
  department_id: string | null;
  display_name: string;
  disabled: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

export const iso = (v: Date | string): string => new Date(v).toISOString();

/** An account with its sign-ins; whether its login is slowed down is the login failures' (loginFailureRepository.ts). */
export type AccountState = Omit<AccountView, 'locked'>;

interface AccountStateRow extends AccountRow {
  last_sign_in_at: Date | string | null;
  active_sessions: number | string;
}

function rowToAccountState(row: AccountStateRow): AccountState {
  return {
    ...rowToAccount(row),
    lastSignInAt: row.last_sign_in_at === null ? null : iso(row.last_sign_in_at),
    activeSessions: Number(row.active_sessions),
  };
}

/** The account with its last sign-in and its live sessions (not revoked, with a refresh token still usable). */
const ACCOUNT_STATE = `select a.*,
   (select max(s.created_at) from sessions s where s.account_id = a.id) as last_sign_in_at,
   (select count(*) from sessions s where s.account_id = a.id and s.revoked_at is null and exists
     (select 1 from refresh_tokens r where r.session_id = s.id and r.used_at is null and r.expires_at > now())
   ) as active_sessions
 from accounts a`;

/** The account's own fields, as a sign-in's answer carries them. */
export type AccountBasics = Omit<AccountView, 'lastSignInAt' | 'activeSessions' | 'locked'>;

export function rowToAccount(row: AccountRow): AccountBasics {
  return {
    id: row.id,
    login: row.login,
    role: RoleSchema.parse(row.role),
    departmentId: row.department_id,
    displayName: row.display_name,
    disabled: row.disabled,
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

/** Accounts (their sessions: sessionRepository.ts; failed sign-ins: loginFailureRepository.ts). */
export function createAccountRepository(db: Sql) {
  return {
    async list(): Promise<AccountState[]> {
      return (await db.query<AccountStateRow>(`${ACCOUNT_STATE} order by a.login`)).map(rowToAccountState);
    },
    /** One account as the admin's list shows it. */
    async state(id: string): Promise<AccountState | null> {
      const rows = await db.query<AccountStateRow>(`${ACCOUNT_STATE} where a.id = $1`, [id]);
      return rows[0] ? rowToAccountState(rows[0]) : null;
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
  };
}
export type AccountRepository = ReturnType<typeof createAccountRepository>;
