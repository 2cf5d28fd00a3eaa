import type { FastifyInstance } from 'fastify';
import { ReferenceCheckInputSchema } from '../../domain/dispatch/warning';
import type { AuditLog } from '../audit/auditLogRepository';
import type { EventBus } from '../bus/bus';
import type { CardRepository } from '../cards/cardRepository';
import type { Database } from '../db/database';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../session/staffRoute';
import { cardInReach } from '../board/routes';
import { referenceRepository } from './referenceRepository';

/**
 * §15: the duty unit checks a person named on a card against the reference records. The check is audited
 * (who, when, whom, why: `reference_checks` and the hash-chained audit log); each record found becomes a
 * warning for the card's units, sent at once on the socket to those who may see the card.
 */
export function registerReferenceRoutes(
  app: FastifyInstance,
  deps: { db: Database; auth: AuthService; cards: CardRepository; audit: AuditLog; bus: EventBus },
): void {
  const { db, auth, cards, audit, bus } = deps;

  staffRoute(
    app,
    auth,
    'POST /api/references/check',
    { body: ReferenceCheckInputSchema },
    async ({ principal, body }) => {
      const stored = await cardInReach(db, cards, principal, body.cardId);
      // The audit comes first: a check that cannot be audited is not made.
      await audit.record({
        accountId: principal.accountId,
        action: 'reference.check',
        subjectId: body.cardId,
        reason: body.reason,
      });
      const records = await referenceRepository.find(db, body.person);
      const { checkId, warnings } = await db.transaction((tx) =>
        referenceRepository.recordCheck(tx, {
          cardId: body.cardId,
          accountId: principal.accountId,
          person: body.person,
          reason: body.reason,
          records,
        }),
      );
      for (const warning of warnings)
        await bus.publish({
          kind: 'card.warning',
          departmentId: stored.card.departmentId ?? null,
          ownerId: stored.createdBy,
          warning,
        });
      return { checkId, found: records.length, warnings };
    },
  );
}
