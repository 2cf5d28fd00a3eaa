import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { refusal } from '../../domain/contract/refusal';
import type { AccessPolicy } from '../access/accessPolicy';
import { mayTouchCard } from '../access/rules';
import type { AppealRepository } from '../appeals/appealRepository';
import { cardReach, type CardRepository, type StoredCard } from '../cards/cardRepository';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import type { Principal } from '../session/principal';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../session/staffRoute';
import type { AcknowledgementWatch } from './acknowledgementWatch';
import { boardRepository } from './boardRepository';

const IdParams = z.strictObject({ id: z.uuid('card id must be a UUID') });

/** A card of the principal's reach, or the same 404 as a card that does not exist (central/access decides). */
export async function cardInReach(
  db: Database,
  cards: CardRepository,
  principal: Principal,
  id: string,
): Promise<StoredCard> {
  const stored = await cards.byId(db, id);
  if (!stored || !mayTouchCard(principal, cardReach(stored)))
    throw new HttpProblem(404, refusal('card.notFound'), 'no such card in your territory');
  return stored;
}

/** The senior inspector's board (§10, §13): the limits of its timer, a card's history and warnings, the applicant. */
export function registerBoardRoutes(
  app: FastifyInstance,
  deps: {
    db: Database;
    auth: AuthService;
    cards: CardRepository;
    appeals: AppealRepository;
    access: AccessPolicy;
    watch: AcknowledgementWatch;
  },
): void {
  const { db, auth, cards, appeals, access, watch } = deps;

  staffRoute(app, auth, 'GET /api/board/settings', {}, async () => ({ limits: watch.limits }));

  staffRoute(app, auth, 'GET /api/board/cards/:id', { params: IdParams }, async ({ principal, params }) => {
    await cardInReach(db, cards, principal, params.id);
    return {
      cardId: params.id,
      steps: await boardRepository.steps(db, params.id),
      warnings: await boardRepository.warnings(db, params.id),
    };
  });

  /**
   * §10: the inspector identifies the applicant from the registered-user data of the card's appeal (the 102 app's
   * account), never for an anonymous one; the read is audited by the access policy like every identity shown.
   */
  staffRoute(
    app,
    auth,
    'POST /api/board/cards/:id/identify',
    { params: IdParams },
    async ({ principal, params }) => {
      const stored = await cardInReach(db, cards, principal, params.id);
      const appealId = stored.fields.appealId;
      const found = appealId ? await appeals.byId(appealId) : null;
      if (!found || found.appeal.anonymous || stored.fields.anonymous) return { applicant: null };
      const shown = await access.visibleOne(principal, found.appeal, 'POST /api/board/cards/:id/identify');
      return { applicant: shown.applicant ?? null };
    },
  );
}
