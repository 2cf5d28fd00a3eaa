import type { FastifyInstance } from 'fastify';
import {
  CENTRE_CARD_LIMIT,
  type CentreOperator,
  type CentreView,
  operatorState,
} from '../../domain/centre/centre';
import { centreDepartments, mayTouchDepartment } from '../access/rules';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../session/staffRoute';
import type { CentreRepository } from './centreRepository';
import type { PresenceBoard } from './presenceBoard';

/** As many waiting appeals as the view lists; the count beyond it is not the supervisor's reading matter. */
const WAITING_LIMIT = 1_000;

/**
 * The supervisor's live view of the centre (§16, issue 14 item 4), built for the supervisor's territory. The
 * console reads it again when central's socket brings news of the territory (presence, appeals, cards).
 */
export function registerCentreRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; centre: CentreRepository; presence: PresenceBoard; now?: () => Date },
): void {
  const now = deps.now ?? (() => new Date());
  staffRoute(app, deps.auth, 'GET /api/centre', {}, async ({ principal }): Promise<CentreView> => {
    const departments = centreDepartments(principal);
    const present = deps.presence.present().filter((p) => mayTouchDepartment(principal, p.departmentId));
    const at = now();
    const [waiting, cards, known] = await Promise.all([
      deps.centre.waiting(departments, WAITING_LIMIT),
      deps.centre.openCards(departments, CENTRE_CARD_LIMIT),
      deps.centre.operators(present.map((p) => p.accountId)),
    ]);
    const presenceOf = new Map(present.map((p) => [p.accountId, p]));
    const operators = known.flatMap((o): CentreOperator[] => {
      const p = presenceOf.get(o.accountId);
      if (!p) return [];
      const { state, since, until } = operatorState(p, o.latestDraft, at.getTime());
      return [
        {
          accountId: o.accountId,
          displayName: o.displayName,
          role: o.role,
          departmentId: o.departmentId,
          state,
          since,
          until,
        },
      ];
    });
    return { at: at.toISOString(), waiting, operators, cards };
  });
}
