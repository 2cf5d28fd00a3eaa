import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { AccountChangesSchema, type AccountView, NewAccountSchema } from '../../domain/admin/account';
import { CENTRAL_API } from '../../domain/contract/central';
import type { AuditLog } from '../audit/auditLogRepository';
import type { LoginFailureRepository } from './loginFailureRepository';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem, parseOr400 } from '../http/problem';
import { staffRoute } from './staffRoute';
import type { AccountRepository, AccountState } from '../accounts/accountRepository';
import { type AuthService, LoginThrottled } from './authService';
import { checkPassword } from '../accounts/passwordPolicy';
import { hashPassword } from '../accounts/passwords';
import { refusal } from '../../domain/contract/refusal';

export const LoginSchema = z.strictObject({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
const RefreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(256) });

/** Login and token refresh for everyone; account administration for the digitalisation unit (§28). */
export function registerAccountRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    accounts: AccountRepository;
    departments: DepartmentDirectory;
    loginFailures: LoginFailureRepository;
    audit: AuditLog;
  },
): void {
  const { auth, accounts, departments, loginFailures, audit } = deps;
  /** Accounts as the admin's desk lists them: with whether wrong passwords slow their login down now. */
  const withLocks = async (states: AccountState[]): Promise<AccountView[]> => {
    const slowed = await loginFailures.slowedLogins(states.map((a) => a.login));
    return states.map((a) => ({ ...a, locked: slowed.has(a.login) }));
  };
  const viewOf = async (id: string): Promise<AccountView> => {
    const state = await accounts.state(id);
    if (!state) throw new HttpProblem(404, refusal('account.notFound'), 'no such account');
    const [view] = await withLocks([state]);
    if (!view) throw new Error('an account view went missing');
    return view;
  };
  const checkDepartment = (id: string | null | undefined) => {
    if (id && !departments.get(id))
      throw new HttpProblem(
        400,
        refusal('department.unknown', { departmentId: id }),
        `unknown department ${id}`,
      );
  };

  app.post('/api/auth/login', async (request, reply) => {
    const { login, password } = parseOr400(LoginSchema, request.body, 'body');
    try {
      return await auth.login(login, password, request.ip);
    } catch (error) {
      if (error instanceof LoginThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  });
  app.post('/api/auth/refresh', async (request) => {
    const { refreshToken } = parseOr400(RefreshSchema, request.body, 'body');
    return auth.refresh(refreshToken);
  });
  app.post('/api/auth/logout', async (request) => {
    const { refreshToken } = parseOr400(RefreshSchema, request.body, 'body');
    await auth.logout(refreshToken);
    return {};
  });

  staffRoute(app, auth, 'GET /api/accounts', {}, async () => ({
    accounts: await withLocks(await accounts.list()),
  }));

  staffRoute(
    app,
    auth,
    'POST /api/accounts',
    { body: NewAccountSchema },
    async ({ principal, body, reply }) => {
      checkDepartment(body.departmentId);
      checkPassword(body.password, body.login);
      const id = uuidv7();
      const inserted = await accounts.insert({
        id,
        login: body.login,
        passwordHash: await hashPassword(body.password),
        role: body.role,
        departmentId: body.departmentId,
        displayName: body.displayName,
      });
      if (!inserted) throw new HttpProblem(409, refusal('account.loginTaken'), 'this login is taken');
      await audit.record({
        accountId: principal.accountId,
        action: 'account.created',
        subjectId: id,
        reason: `POST /api/accounts role=${body.role} department=${body.departmentId ?? '-'}`,
      });
      return reply.status(201).send(await viewOf(id));
    },
  );

  staffRoute(
    app,
    auth,
    'PATCH /api/accounts/:id',
    { params: CENTRAL_API['PATCH /api/accounts/:id'].params, body: AccountChangesSchema },
    async ({ principal, params, body }) => {
      checkDepartment(body.departmentId);
      if (
        params.id === principal.accountId &&
        (body.disabled === true || (body.role && body.role !== 'admin'))
      ) {
        throw new HttpProblem(
          409,
          refusal('account.ownAccount'),
          'an admin cannot disable or demote their own account',
        );
      }
      if (body.password) {
        const target = await accounts.byId(params.id);
        if (!target) throw new HttpProblem(404, refusal('account.notFound'), 'no such account');
        checkPassword(body.password, target.login);
      }
      const row = await accounts.update(params.id, {
        ...(body.password ? { passwordHash: await hashPassword(body.password) } : {}),
        ...(body.role ? { role: body.role } : {}),
        ...(body.departmentId !== undefined ? { departmentId: body.departmentId } : {}),
        ...(body.displayName ? { displayName: body.displayName } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
      });
      if (!row) throw new HttpProblem(404, refusal('account.notFound'), 'no such account');
      // What changed, never the password itself.
      const changed = Object.entries(body)
        .map(([field, value]) =>
          field === 'password' || field === 'displayName' ? field : `${field}=${String(value)}`,
        )
        .join(' ');
      await audit.record({
        accountId: principal.accountId,
        action: 'account.changed',
        subjectId: row.id,
        reason: `PATCH /api/accounts/:id ${changed}`,
      });
      // A reset password or a disabled account ends every session and socket at once; a new role or
      // department reaches open sockets by reconnecting them.
      if (body.password || body.disabled === true) await auth.revokeSessions(row.id);
      else if (body.role || body.departmentId !== undefined) await auth.accountChanged(row.id);
      return viewOf(row.id);
    },
  );

  staffRoute(
    app,
    auth,
    'POST /api/accounts/:id/unlock',
    { params: CENTRAL_API['POST /api/accounts/:id/unlock'].params },
    async ({ principal, params }) => {
      const row = await accounts.byId(params.id);
      if (!row) throw new HttpProblem(404, refusal('account.notFound'), 'no such account');
      await loginFailures.forgetLogin(row.login);
      await audit.record({
        accountId: principal.accountId,
        action: 'account.unlocked',
        subjectId: row.id,
        reason: 'POST /api/accounts/:id/unlock',
      });
      return viewOf(row.id);
    },
  );

  staffRoute(
    app,
    auth,
    'DELETE /api/accounts/:id',
    { params: CENTRAL_API['PATCH /api/accounts/:id'].params },
    async ({ principal, params, reply }) => {
      if (params.id === principal.accountId)
        throw new HttpProblem(409, refusal('account.ownAccount'), 'an admin cannot delete their own account');
      if (!(await accounts.remove(params.id)))
        throw new HttpProblem(404, refusal('account.notFound'), 'no such account');
      await audit.record({
        accountId: principal.accountId,
        action: 'account.deleted',
        subjectId: params.id,
        reason: 'DELETE /api/accounts/:id',
      });
      await auth.revokeSessions(params.id);
      return reply.status(204).send();
    },
  );
}
