import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthService } from '../session/authService';
import type { Sql } from '../db/database';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../session/staffRoute';
import { createWorkstationRepository } from './workstationRepository';
import { refusal } from '../../domain/contract/refusal';

export const WORKSTATION_REPORT_MAX_BYTES = 256 * 1024;

const ReportSchema = z.strictObject({
  workstationId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'workstation id is 1–64 letters, digits, dots, dashes or underscores'),
  /** The probe's own report; central keeps it as given, the console's probe owns its shape. */
  report: z.record(z.string(), z.unknown()),
});

/** §27–28: each workstation's last readiness report, for the digitalisation unit. */
export function registerWorkstationRoutes(app: FastifyInstance, deps: { db: Sql; auth: AuthService }): void {
  const { auth } = deps;
  const workstations = createWorkstationRepository(deps.db);
  staffRoute(
    app,
    auth,
    'POST /api/workstations/report',
    { body: ReportSchema },
    async ({ principal, body }) => {
      const json = JSON.stringify(body.report);
      if (Buffer.byteLength(json) > WORKSTATION_REPORT_MAX_BYTES)
        throw new HttpProblem(
          413,
          refusal('request.tooLarge'),
          `a report may be at most ${WORKSTATION_REPORT_MAX_BYTES} bytes`,
        );
      await workstations.store(body.workstationId, principal.accountId, json);
      return { stored: true };
    },
  );

  staffRoute(app, auth, 'GET /api/workstations', {}, async () => {
    return { workstations: await workstations.list() };
  });
}
