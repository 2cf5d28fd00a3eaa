import type { FastifyInstance } from 'fastify';
import { NewServiceSchema, ServiceChangesSchema, ServiceIdParamsSchema } from '../../domain/admin/directories';
import { refusal } from '../../domain/contract/refusal';
import type { AuditLog } from '../audit/auditLogRepository';
import { HttpProblem } from '../http/problem';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../session/staffRoute';
import type { ServiceDirectory } from './serviceRepository';

/**
 * The directory of competent services (§12.4) as the digitalisation unit keeps it (§28): read, add, rename
 * and say what each takes. Every change is audited (its fields, not its words). A service is never removed
 * here: appeals forwarded to it keep pointing at it.
 */
export function registerServiceDirectoryRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; services: ServiceDirectory; audit: AuditLog },
): void {
  const { auth, services, audit } = deps;

  staffRoute(app, auth, 'GET /api/directories/services', {}, async () => ({
    services: await services.entries(),
  }));

  staffRoute(
    app,
    auth,
    'POST /api/directories/services',
    { body: NewServiceSchema },
    async ({ principal, body, reply }) => {
      const created = await services.insert(body);
      if (!created) throw new HttpProblem(409, refusal('service.idTaken'), `service id ${body.id} is taken`);
      await audit.record({
        accountId: principal.accountId,
        action: 'service.created',
        subjectId: created.id,
        reason: 'POST /api/directories/services',
      });
      return reply.status(201).send(created);
    },
  );

  staffRoute(
    app,
    auth,
    'PATCH /api/directories/services/:id',
    { params: ServiceIdParamsSchema, body: ServiceChangesSchema },
    async ({ principal, params, body }) => {
      const changed = await services.update(params.id, body);
      if (!changed) throw new HttpProblem(404, refusal('service.notFound'), `no service ${params.id}`);
      await audit.record({
        accountId: principal.accountId,
        action: 'service.changed',
        subjectId: changed.id,
        reason: `PATCH /api/directories/services/:id ${Object.keys(body).join(' ')}`,
      });
      return changed;
    },
  );
}
