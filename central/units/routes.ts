import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PositionsBodySchema,
  UnitIdSchema,
  UnitStatusBodySchema,
  type UnitsLiveAnswer,
} from '../../domain/dispatch/unit';
import { LoginThrottled, type AuthService } from '../session/authService';
import { parseOr400 } from '../http/problem';
import { LoginSchema } from '../session/routes';
import { staffRoute } from '../session/staffRoute';
import type { UnitService } from './unitService';

/**
 * The units API (§13): the departments' vehicle systems sign in with their integration account and report
 * positions and statuses; the console reads the live units of its territory and sets statuses.
 */
export function registerUnitRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; units: UnitService },
): void {
  const { auth, units } = deps;

  // The vehicle systems' own sign-in: only an integration account passes here, and never at /api/auth/login.
  app.post('/api/units/auth', async (request, reply) => {
    const { login, password } = parseOr400(LoginSchema, request.body, 'body');
    try {
      return await auth.login(login, password, request.ip, 'integration');
    } catch (error) {
      if (error instanceof LoginThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  });

  staffRoute(
    app,
    auth,
    'POST /api/units/positions',
    { body: PositionsBodySchema },
    async ({ principal, body, reply }) => {
      const { status, results, first } = await units.reportPositions(principal, body.positions);
      if (!first) return { results };
      if (first.code === 'unit.tooFrequent')
        reply.header('retry-after', String(Math.max(1, Math.ceil(first.params.retryAfterMs / 1000))));
      return reply.status(status).send({ ...first, error: 'one or more positions were refused', results });
    },
  );

  staffRoute(
    app,
    auth,
    'POST /api/units/:id/status',
    { params: z.strictObject({ id: UnitIdSchema }), body: UnitStatusBodySchema },
    async ({ principal, params, body }) => ({
      unit: await units.setStatus(principal, params.id, body.status),
    }),
  );

  staffRoute(
    app,
    auth,
    'GET /api/units/live',
    {},
    async ({ principal }) =>
      ({
        units: await units.list(principal),
      }) satisfies UnitsLiveAnswer,
  );
}
