import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can, inScope } from '../../domain/session/roles';
import type { AuthService } from '../session/authService';
import type { Database } from '../db/database';
import { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../http/staffRoute';
import type { CardRepository, StoredCard } from './cardRepository';
import { refusal } from '../../domain/contract/refusal';

const IdParams = z.strictObject({ id: z.uuid('card id must be a UUID') });
const ListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** Read side of the card register; every change goes through the sync push (one path, exactly once). */
export function registerCardRoutes(
  app: FastifyInstance,
  deps: { db: Database; auth: AuthService; cards: CardRepository },
): void {
  const { db, auth, cards } = deps;
  const visible = (role: Parameters<typeof can>[0], s: StoredCard) =>
    can(role, 'applicant.read') ? s.card : { ...s.card, applicant: null };

  staffRoute(app, auth, 'GET /api/cards', { query: ListQuery }, async ({ principal, query }) => {
    const list = await cards.list(
      db,
      DepartmentDirectory.scopeIds(principal.scope),
      principal.accountId,
      query.limit,
    );
    return { cards: list.map((s) => visible(principal.role, s)) };
  });

  staffRoute(app, auth, 'GET /api/cards/:id', { params: IdParams }, async ({ principal, params }) => {
    const s = await cards.byId(db, params.id);
    if (
      !s ||
      !(inScope(principal.scope, s.card.departmentId ?? null) || s.createdBy === principal.accountId)
    ) {
      throw new HttpProblem(404, refusal('card.notFound'), 'no such card in your territory');
    }
    return { card: visible(principal.role, s), transitions: await cards.transitions(db, params.id) };
  });
}
