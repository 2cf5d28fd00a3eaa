import type { FastifyInstance } from 'fastify';
import { SyncPullQuerySchema } from '../../domain/sync/sync';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../session/staffRoute';
import { PushEnvelopeSchema, readPushedOperations } from './pushedOperations';
import type { SyncService } from './syncService';

export function registerSyncRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; sync: SyncService },
): void {
  staffRoute(
    app,
    deps.auth,
    'POST /api/sync/push',
    { body: PushEnvelopeSchema },
    async ({ principal, body }) => {
      const pushed = readPushedOperations(body.operations);
      const applied = await deps.sync.push(
        principal,
        pushed.flatMap((p) => (p.ok ? [p.op] : [])),
      );
      // The answers in the order of the push: the readable operations' from the service, the others' here.
      let next = 0;
      return { results: pushed.map((p) => (p.ok ? applied[next++]! : p.result)) };
    },
  );
  staffRoute(
    app,
    deps.auth,
    'GET /api/sync/pull',
    { query: SyncPullQuerySchema },
    async ({ principal, query }) => deps.sync.pull(principal, query.since, query.limit),
  );
}
