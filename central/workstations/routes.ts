import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthService } from '../session/authService';
import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../http/staffRoute';
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
  const { db, auth } = deps;
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
      await db.query(
        `insert into workstation_reports (workstation_id, account_id, report) values ($1, $2, $3::jsonb)
         on conflict (workstation_id) do update set account_id = excluded.account_id, report = excluded.report, received_at = now()`,
        [body.workstationId, principal.accountId, json],
      );
      return { stored: true };
    },
  );

  staffRoute(app, auth, 'GET /api/workstations', {}, async () => {
    const rows = await db.query<{
      workstation_id: string;
      account_id: string | null;
      report: unknown;
      received_at: Date | string;
    }>('select * from workstation_reports order by workstation_id');
    return {
      workstations: rows.map((r) => ({
        workstationId: r.workstation_id,
        accountId: r.account_id,
        report: r.report,
        receivedAt: iso(r.received_at),
      })),
    };
  });
}
