import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { refusal } from '../../domain/contract/refusal';
import { ForwardInputSchema } from '../../domain/inbox/inbox';
import { mayTouchAppeal } from '../access/rules';
import type { AppealRepository } from '../appeals/appealRepository';
import type { Database } from '../db/database';
import { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../session/staffRoute';
import type { EventBus } from '../bus/bus';
import type { AuthService } from '../session/authService';
import type { ServiceDirectory } from '../services/serviceRepository';
import type { InboxRepository } from './inboxRepository';
import { type InboxActionResult, claimAppeal, forwardAppeal } from './inboxActions';

const IdParams = z.strictObject({ id: z.uuid('id must be a UUID') });
const ListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(10_000).default(500) });

/**
 * The operator's inbox (issue 12): what waits for the territory and the fallback queue, most urgent first;
 * claims (first wins, the second is refused with `inbox.claimed`); forwarding a non-urgent text to a service.
 */
export function registerInboxRoutes(
  app: FastifyInstance,
  deps: {
    db: Database;
    auth: AuthService;
    bus: EventBus;
    appeals: AppealRepository;
    inbox: InboxRepository;
    services: ServiceDirectory;
  },
): void {
  const { db, auth, bus, appeals, inbox, services } = deps;

  /** An action done publishes its events; a refused one answers its status and code. */
  async function settle<T>(result: InboxActionResult<T>): Promise<T> {
    if (!result.ok) throw new HttpProblem(result.status, result.refusal, result.reason);
    for (const event of result.events) await bus.publish(event);
    return result.value;
  }

  staffRoute(app, auth, 'GET /api/inbox', { query: ListQuery }, async ({ principal, query }) => {
    const items = await inbox.waiting(DepartmentDirectory.scopeIds(principal.scope), query.limit);
    return { items };
  });

  staffRoute(app, auth, 'POST /api/inbox/:id/claim', { params: IdParams }, async ({ principal, params }) =>
    settle(await claimAppeal(db, principal, params.id)),
  );

  staffRoute(
    app,
    auth,
    'POST /api/inbox/:id/release',
    { params: IdParams },
    async ({ principal, params }) => {
      const found = await appeals.byId(params.id);
      if (!found || !mayTouchAppeal(principal, found.appeal))
        throw new HttpProblem(404, refusal('appeal.notFound'), 'no such appeal in your territory');
      if (await inbox.release(params.id, principal.accountId))
        await bus.publish({
          kind: 'inbox.claim',
          departmentId: found.appeal.departmentId,
          appealId: params.id,
          claimedBy: null,
        });
      return { released: true };
    },
  );

  staffRoute(app, auth, 'GET /api/services', {}, async () => ({ services: await services.list() }));

  staffRoute(
    app,
    auth,
    'POST /api/inbox/:id/forward',
    { params: IdParams, body: ForwardInputSchema },
    async ({ principal, params, body }) => {
      const { service } = await settle(
        await db.transaction((tx) => forwardAppeal(tx, principal, params.id, body)),
      );
      return { forwarded: true, service };
    },
  );
}
