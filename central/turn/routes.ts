import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { refusal } from '../../domain/contract/refusal';
import { citizenToken } from '../appeals/citizenRoutes';
import type { IntakeService } from '../appeals/intakeService';
import { parseAppealOr400 } from '../appeals/appealInvalid';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../session/staffRoute';
import type { AuthService } from '../session/authService';
import type { IceServers } from './iceServers';

const AppealParams = z.strictObject({ id: z.uuid('appeal id must be a UUID') });

/**
 * One call's ICE servers, asked for per call: by the operator's console (through main) and by the
 * citizen's widget for their own call or SOS. The credentials carry the asker's id, never a name.
 */
export function registerIceRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; intake: IntakeService; ice: IceServers },
): void {
  const { auth, intake, ice } = deps;

  staffRoute(app, auth, 'GET /api/staff/calls/ice', {}, async ({ principal, reply }) => {
    void reply.header('cache-control', 'no-store');
    return ice.forCall(principal.accountId);
  });

  app.get('/api/appeals/:id/ice', async (request, reply) => {
    const { id } = parseAppealOr400(AppealParams, request.params);
    const appeal = await intake.appealForCitizen(id, citizenToken(request));
    if (appeal.kind === 'text')
      throw new HttpProblem(404, refusal('call.notFound'), 'a text appeal has no call');
    void reply.header('cache-control', 'no-store');
    return ice.forCall(`appeal-${appeal.id}`);
  });
}
