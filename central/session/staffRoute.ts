import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/session/roles';
import { type GuardedRoute, methodAndPath, permissionOf } from '../../domain/contract/central';
import type { Principal } from './principal';
import type { AuthService } from './authService';
import { HttpProblem, parseOr400 } from '../http/problem';
import { refusal } from '../../domain/contract/refusal';

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** Authenticates and checks the route's permission from central's API table (domain/contract/central.ts). */
export async function authorize(
  auth: AuthService,
  token: string | undefined,
  key: GuardedRoute,
): Promise<Principal> {
  const principal = await auth.authenticate(token);
  const permission = permissionOf(key);
  if (!can(principal.role, permission))
    throw new HttpProblem(
      403,
      refusal('role.forbidden', { role: principal.role, action: permission }),
      `role ${principal.role} lacks ${permission}`,
    );
  return principal;
}

interface Schemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  body?: B;
}

export interface StaffRequest<P, Q, B> {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

const Empty = z.strictObject({});

/**
 * Registers one authenticated route named by its key in central's API table; params, query and body
 * are validated (unknown query fields and bodies refused unless a schema says otherwise).
 */
export function staffRoute<
  P extends z.ZodType = typeof Empty,
  Q extends z.ZodType = typeof Empty,
  B extends z.ZodType = z.ZodUndefined,
>(
  app: FastifyInstance,
  auth: AuthService,
  key: GuardedRoute,
  schemas: Schemas<P, Q, B>,
  handler: (r: StaffRequest<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>,
): void {
  const { method, path } = methodAndPath(key);
  app.route({
    method: method as HTTPMethods,
    url: path,
    handler: async (request, reply) => {
      const principal = await authorize(auth, bearerToken(request), key);
      const params = parseOr400(schemas.params ?? Empty, request.params, 'path') as z.output<P>;
      const query = parseOr400(schemas.query ?? Empty, request.query, 'query') as z.output<Q>;
      const body = (schemas.body ? parseOr400(schemas.body, request.body, 'body') : undefined) as z.output<B>;
      return handler({ principal, params, query, body, request, reply });
    },
  });
}
