import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { RoleSchema } from '../../domain/session/roles';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem, parseOr400 } from '../http/problem';
import { staffRoute } from './staffRoute';
import { type AccountRepository, rowToAccount } from '../accounts/accountRepository';
import { type AuthService, LoginThrottled } from './authService';
import { checkPassword } from '../accounts/passwordPolicy';
import { hashPassword } from '../accounts/passwords';
import { refusal } from '../../domain/contract/refusal';

export const LoginSchema = z.strictObject({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
const RefreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(256) });
/** Length and strength are passwordPolicy.ts's, which also needs the login. */
const PasswordSchema = z.string().min(1).max(1024);
const LoginNameSchema = z
  .string()
  .regex(/^[a-z0-9._-]{3,64}$/, 'login is 3–64 lowercase letters, digits, dots, dashes or underscores');

const NewAccountSchema = z.strictObject({
  login: LoginNameSchema,
  password: PasswordSchema,
  role: RoleSchema,
  departmentId: z.string().nullable(),
  displayName: z.string().trim().min(1).max(200),
});
const AccountChangesSchema = z
  .strictObject({
    password: PasswordSchema.optional(),
    role: RoleSchema.optional(),
    departmentId: z.string().nullable().optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');
const IdParams = z.strictObject({ id: z.uuid('account id must be a UUID') });

/** Login and token refresh for everyone; account administration for the digitalisation unit (§28). */
export function registerAccountRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; accounts: AccountRepository; departments: DepartmentDirectory },
): void {
  const { auth, accounts, departments } = deps;
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

  staffRoute(app, auth, 'GET /api/accounts', {}, async () => ({ accounts: await accounts.list() }));

  staffRoute(app, auth, 'POST /api/accounts', { body: NewAccountSchema }, async ({ body, reply }) => {
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
    const row = await accounts.byId(id);
    if (!row) throw new Error('account vanished after insert');
    return reply.status(201).send(rowToAccount(row));
  });

  staffRoute(
    app,
    auth,
    'PATCH /api/accounts/:id',
    { params: IdParams, body: AccountChangesSchema },
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
      // A reset password or a disabled account ends every session and socket at once; a new role or
      // department reaches open sockets by reconnecting them.
      if (body.password || body.disabled === true) await auth.revokeSessions(row.id);
      else if (body.role || body.departmentId !== undefined) await auth.accountChanged(row.id);
      return rowToAccount(row);
    },
  );

  staffRoute(
    app,
    auth,
    'DELETE /api/accounts/:id',
    { params: IdParams },
    async ({ principal, params, reply }) => {
      if (params.id === principal.accountId)
        throw new HttpProblem(409, refusal('account.ownAccount'), 'an admin cannot delete their own account');
      if (!(await accounts.remove(params.id)))
        throw new HttpProblem(404, refusal('account.notFound'), 'no such account');
      await auth.revokeSessions(params.id);
      return reply.status(204).send();
    },
  );
}
