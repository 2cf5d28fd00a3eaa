import type { FastifyInstance } from 'fastify';
import { SyncPullQuerySchema, SyncPushRequestSchema } from '../../domain/sync/sync';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../http/staffRoute';
import type { SyncService } from './syncService';

export function registerSyncRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; sync: SyncService },
): void {
  staffRoute(
    app,
    deps.auth,
    'POST /api/sync/push',
    { body: SyncPushRequestSchema },
    async ({ principal, body }) => ({
      results: await deps.sync.push(principal, body.operations),
    }),
  );
  staffRoute(
    app,
    deps.auth,
    'GET /api/sync/pull',
    { query: SyncPullQuerySchema },
    async ({ principal, query }) => deps.sync.pull(principal, query.since, query.limit),
  );
}
