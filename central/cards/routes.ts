import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthService } from '../session/authService';
import type { Database } from '../db/database';
import type { AccessPolicy } from '../access/accessPolicy';
import { mayTouchCard } from '../access/rules';
import { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../session/staffRoute';
import type { CardRepository } from './cardRepository';
import { refusal } from '../../domain/contract/refusal';

const IdParams = z.strictObject({ id: z.uuid('card id must be a UUID') });
const ListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** Read side of the card register; every change goes through the sync push (one path, exactly once). */
export function registerCardRoutes(
  app: FastifyInstance,
  deps: { db: Database; auth: AuthService; cards: CardRepository; access: AccessPolicy },
): void {
  const { db, auth, cards, access } = deps;

  staffRoute(app, auth, 'GET /api/cards', { query: ListQuery }, async ({ principal, query }) => {
    const list = await cards.list(
      db,
      DepartmentDirectory.scopeIds(principal.scope),
      principal.accountId,
      query.limit,
    );
    const shown = await access.visible(
      principal,
      list.map((s) => s.card),
      'GET /api/cards',
    );
    return { cards: shown };
  });

  staffRoute(app, auth, 'GET /api/cards/:id', { params: IdParams }, async ({ principal, params }) => {
    const s = await cards.byId(db, params.id);
    if (!s || !mayTouchCard(principal, { departmentId: s.card.departmentId ?? null, createdBy: s.createdBy }))
      throw new HttpProblem(404, refusal('card.notFound'), 'no such card in your territory');
    return {
      card: await access.visibleOne(principal, s.card, 'GET /api/cards/:id'),
      transitions: await cards.transitions(db, params.id),
    };
  });
}
