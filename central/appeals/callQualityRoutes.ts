import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CallQualityReportSchema } from '../../domain/calls/callQuality';
import { refusal } from '../../domain/contract/refusal';
import { mayTouchAppeal } from '../access/rules';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../session/staffRoute';
import type { AppealRepository } from './appealRepository';
import type { CallQualityRepository } from './callQualityRepository';

const IdParams = z.strictObject({ id: z.uuid('call id must be a UUID') });

/**
 * The operator's console reports a call's quality figures as each 5-second window closes (issue 13.4). Only
 * the operator who took the call writes them: another account's report is refused, and a call out of the
 * operator's reach answers as if it did not exist.
 */
export function registerCallQualityRoutes(
  app: FastifyInstance,
  deps: { db: Database; auth: AuthService; appeals: AppealRepository; quality: CallQualityRepository },
): void {
  const { db, auth, appeals, quality } = deps;
  staffRoute(
    app,
    auth,
    'PUT /api/staff/calls/:id/quality',
    { params: IdParams, body: CallQualityReportSchema },
    async ({ principal, params, body }) => {
      const found = await appeals.byId(params.id);
      const call = found?.appeal;
      if (!call || call.kind === 'text' || !mayTouchAppeal(principal, call))
        throw new HttpProblem(404, refusal('call.notFound'), 'no such call in your territory');
      if (call.acceptedBy !== principal.accountId)
        throw new HttpProblem(
          403,
          refusal('call.notYours'),
          'only the operator who took the call reports it',
        );
      const stored = await db.transaction((tx) =>
        quality.add(tx, params.id, principal.accountId, body.windows),
      );
      return { stored };
    },
  );
}
