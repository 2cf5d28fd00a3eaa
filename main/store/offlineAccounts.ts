import type Database from 'better-sqlite3';
import { z } from 'zod';
import { RoleSchema } from '../../domain/session/roles';

export const SignedInAccountSchema = z.object({
  id: z.uuid(),
  login: z.string(),
  role: RoleSchema,
  departmentId: z.string().nullable(),
  displayName: z.string(),
});
export type SignedInAccount = z.infer<typeof SignedInAccountSchema>;

export interface OfflineAccount {
  verifier: string;
  account: SignedInAccount;
  lastOnlineAt: Date;
}

/** Verifiers of accounts that signed in online here; only a hash of the password is ever stored. */
export interface OfflineAccounts {
  remember(login: string, verifier: string, account: SignedInAccount, at: Date): void;
  find(login: string): OfflineAccount | undefined;
}

export function createOfflineAccounts(db: Database.Database): OfflineAccounts {
  const upsert = db.prepare(
    `INSERT INTO offline_accounts (login, verifier, account, last_online_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (login) DO UPDATE SET verifier = excluded.verifier, account = excluded.account, last_online_at = excluded.last_online_at`,
  );
  const select = db.prepare<[string], { verifier: string; account: string; last_online_at: string }>(
    'SELECT verifier, account, last_online_at FROM offline_accounts WHERE login = ?',
  );
  return {
    remember: (login, verifier, account, at) =>
      void upsert.run(login, verifier, JSON.stringify(account), at.toISOString()),
    find(login) {
      const row = select.get(login);
      if (!row) return undefined;
      const account = SignedInAccountSchema.safeParse(JSON.parse(row.account));
      return account.success
        ? { verifier: row.verifier, account: account.data, lastOnlineAt: new Date(row.last_online_at) }
        : undefined;
    },
  };
}
