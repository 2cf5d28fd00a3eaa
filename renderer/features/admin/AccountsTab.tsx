import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../domain/admin/account';
import { ROLES, type Role } from '../../../domain/session/roles';
import { formatDateTime } from '../../i18n/dateTime';
import { IsolatedText } from '../../shell/IsolatedText';
import { useConsole } from '../../store';
import { departmentName } from '../reference';
import { problemText } from './problemText';
import type { AdminProblem } from './slice';

/** What the last action came to, shown once under the table. */
type Outcome = { kind: 'done'; text: string } | { kind: 'problem'; problem: AdminProblem } | null;

function useOutcome() {
  const { i18n } = useTranslation('admin');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const shown =
    outcome?.kind === 'done'
      ? outcome.text
      : outcome?.kind === 'problem'
        ? problemText(outcome.problem, i18n.t, i18n.language)
        : null;
  return { outcome, setOutcome, shown };
}

function DepartmentChoice(props: {
  id: string;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const departments = useConsole((s) => s.departments);
  return (
    <label htmlFor={props.id}>
      {props.label}
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('accounts.noDepartment')}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {departmentName(d, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}

function RoleChoice(props: { id: string; label: string; value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation('common');
  return (
    <label htmlFor={props.id}>
      {props.label}
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(ROLES.find((r) => r === e.target.value) ?? props.value)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function NewAccountForm({ onOutcome }: { onOutcome: (o: Outcome) => void }) {
  const { t } = useTranslation('admin');
  const createAccount = useConsole((s) => s.createAccount);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await createAccount({ login: login.trim(), displayName, password, role, departmentId });
    setBusy(false);
    if (answer.ok) {
      onOutcome({ kind: 'done', text: t('accounts.create.done', { login: answer.value.login }) });
      setLogin('');
      setDisplayName('');
      setPassword('');
    } else onOutcome({ kind: 'problem', problem: answer });
  };
  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="admin-new-account">
      <h3 id="admin-new-account">{t('accounts.create.title')}</h3>
      <label htmlFor="admin-new-login">
        {t('accounts.create.login')}
        <input id="admin-new-login" value={login} onChange={(e) => setLogin(e.target.value)} required />
      </label>
      <label htmlFor="admin-new-name">
        {t('accounts.create.displayName')}
        <input
          id="admin-new-name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
        />
      </label>
      <label htmlFor="admin-new-password">
        {t('accounts.create.password')}
        <input
          id="admin-new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <RoleChoice id="admin-new-role" label={t('accounts.create.role')} value={role} onChange={setRole} />
      <DepartmentChoice
        id="admin-new-department"
        label={t('accounts.create.department')}
        value={departmentId}
        onChange={setDepartmentId}
      />
      <button type="submit" disabled={busy}>
        {t('accounts.create.submit')}
      </button>
    </form>
  );
}

function AccountRow({ account, onOutcome }: { account: AccountView; onOutcome: (o: Outcome) => void }) {
  const { t, i18n } = useTranslation('admin');
  const changeAccount = useConsole((s) => s.changeAccount);
  const unlockAccount = useConsole((s) => s.unlockAccount);
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const { login } = account;
  const report = (answer: Awaited<ReturnType<typeof changeAccount>>, done: string) =>
    onOutcome(answer.ok ? { kind: 'done', text: done } : { kind: 'problem', problem: answer });
  const change = async (changes: Parameters<typeof changeAccount>[1]) =>
    report(await changeAccount(account.id, changes), t('accounts.changed', { login }));
  const state = [
    account.disabled ? t('accounts.disabled') : t('accounts.active'),
    ...(account.locked ? [t('accounts.locked')] : []),
  ].join(' · ');
  return (
    <tr data-testid={`account-${login}`}>
      <th scope="row">{login}</th>
      <td>
        <IsolatedText text={account.displayName} />
      </td>
      <td>
        <RoleChoice
          id={`admin-role-${account.id}`}
          label={t('accounts.changeRole', { login })}
          value={account.role}
          onChange={(role) => void change({ role })}
        />
      </td>
      <td>
        <DepartmentChoice
          id={`admin-department-${account.id}`}
          label={t('accounts.changeDepartment', { login })}
          value={account.departmentId}
          onChange={(departmentId) => void change({ departmentId })}
        />
      </td>
      <td data-testid="account-state">{state}</td>
      <td>
        {account.lastSignInAt ? formatDateTime(account.lastSignInAt, i18n.language) : t('accounts.never')}
      </td>
      <td data-testid="account-sessions">{account.activeSessions}</td>
      <td className="admin-actions">
        <button type="button" onClick={() => void change({ disabled: !account.disabled })}>
          {account.disabled ? t('accounts.enable') : t('accounts.disable')}
        </button>
        {account.locked && (
          <button
            type="button"
            onClick={() =>
              void unlockAccount(account.id).then((a) => report(a, t('accounts.unlocked', { login })))
            }
          >
            {t('accounts.unlock')}
          </button>
        )}
        {newPassword === null ? (
          <button type="button" onClick={() => setNewPassword('')}>
            {t('accounts.resetPassword')}
          </button>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void change({ password: newPassword }).then(() => setNewPassword(null));
            }}
          >
            <label htmlFor={`admin-password-${account.id}`}>
              {t('accounts.newPasswordFor', { login })}
              <input
                id={`admin-password-${account.id}`}
                type="password"
                autoComplete="new-password"
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
                required
              />
            </label>
            <button type="submit">{t('accounts.savePassword')}</button>
            <button type="button" className="ghost" onClick={() => setNewPassword(null)}>
              {t('accounts.cancel')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

/** Accounts and roles (§28): create, role, department, disable, new password, unlock; sign-ins and sessions. */
export function AccountsTab() {
  const { t, i18n } = useTranslation('admin');
  const accounts = useConsole((s) => s.adminAccounts);
  const listProblem = useConsole((s) => s.adminAccountsProblem);
  const load = useConsole((s) => s.loadAccounts);
  const { setOutcome, shown, outcome } = useOutcome();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="admin-tab">
      <div className="panel__head">
        <p className="muted">{t('accounts.intro')}</p>
        <button type="button" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      <NewAccountForm onOutcome={setOutcome} />
      {listProblem && <p role="alert">{problemText(listProblem, i18n.t, i18n.language)}</p>}
      {shown && (
        <p role={outcome?.kind === 'problem' ? 'alert' : 'status'} data-testid="admin-outcome">
          {shown}
        </p>
      )}
      {accounts && (
        <table className="admin-table">
          <thead>
            <tr>
              {(
                ['login', 'name', 'role', 'department', 'state', 'lastSignIn', 'sessions', 'actions'] as const
              ).map((c) => (
                <th key={c} scope="col">
                  {t(`accounts.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <AccountRow key={a.id} account={a} onOutcome={setOutcome} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
