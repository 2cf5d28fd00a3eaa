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
import type { Principal } from '../session/principal';
import type { ServiceDirectory } from '../services/serviceRepository';
import type { InboxRepository } from './inboxRepository';

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

  async function waitingInScope(p: Principal, id: string) {
    const found = await appeals.byId(id);
    if (!found || !mayTouchAppeal(p, found.appeal))
      throw new HttpProblem(404, refusal('appeal.notFound'), 'no such appeal in your territory');
    if (found.appeal.status !== 'registered')
      throw new HttpProblem(409, refusal('inbox.notWaiting'), 'the appeal is no longer waiting');
    return found.appeal;
  }

  staffRoute(app, auth, 'GET /api/inbox', { query: ListQuery }, async ({ principal, query }) => {
    const items = await inbox.waiting(DepartmentDirectory.scopeIds(principal.scope), query.limit);
    return { items };
  });

  staffRoute(app, auth, 'POST /api/inbox/:id/claim', { params: IdParams }, async ({ principal, params }) => {
    const appeal = await waitingInScope(principal, params.id);
    const claim = await inbox.claim(appeal.id, principal.accountId);
    // Who holds it is not said: another officer's identity is nobody's business here.
    if (!claim)
      throw new HttpProblem(409, refusal('inbox.claimed'), 'another operator has claimed this appeal');
    await bus.publish({
      kind: 'inbox.claim',
      departmentId: appeal.departmentId,
      appealId: appeal.id,
      claimedBy: principal.accountId,
    });
    return { claimedBy: claim.claimedBy };
  });

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
      const appeal = await waitingInScope(principal, params.id);
      // §12: only a text goes to a service; an SOS alarm or a call is the police's.
      if (appeal.kind !== 'text')
        throw new HttpProblem(
          409,
          refusal('inbox.notForwardable'),
          'only a text appeal is forwarded to a service',
        );
      const holder = await inbox.claimOf(appeal.id);
      if (holder !== null && holder !== principal.accountId)
        throw new HttpProblem(409, refusal('inbox.claimed'), 'another operator has claimed this appeal');
      const service = await services.byId(body.serviceId);
      if (!service) throw new HttpProblem(404, refusal('service.notFound'), 'no such competent service');
      const forwarded = await db.transaction((tx) =>
        inbox.forward(tx, {
          appealId: appeal.id,
          serviceId: service.id,
          reason: body.reason,
          accountId: principal.accountId,
        }),
      );
      if (!forwarded)
        throw new HttpProblem(409, refusal('inbox.notWaiting'), 'the appeal is no longer waiting');
      // The citizen is told which service, in names only: nothing of the officer who forwarded it.
      await bus.publish({
        kind: 'appeal.status',
        departmentId: appeal.departmentId,
        appealId: appeal.id,
        status: 'forwardedToService',
        service,
      });
      return { forwarded: true, service };
    },
  );
}
