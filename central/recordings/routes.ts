import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { mayTouchCard } from '../access/rules';
import type { AuthService } from '../session/authService';
import { type CardRepository, cardReach } from '../cards/cardRepository';
import type { Sql } from '../db/database';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../session/staffRoute';
import type { RecordingRepository } from './recordingRepository';
import { refusal } from '../../domain/contract/refusal';

const IdParams = z.strictObject({ id: z.uuid('card id must be a UUID') });

/** The call recordings registered for a card: metadata only; the bytes are the card's uploaded files. */
export function registerRecordingRoutes(
  app: FastifyInstance,
  deps: { db: Sql; auth: AuthService; cards: CardRepository; recordings: RecordingRepository },
): void {
  const { db, auth, cards, recordings } = deps;
  staffRoute(
    app,
    auth,
    'GET /api/cards/:id/recordings',
    { params: IdParams },
    async ({ principal, params }) => {
      const s = await cards.byId(db, params.id);
      if (!s || !mayTouchCard(principal, cardReach(s)))
        throw new HttpProblem(404, refusal('card.notFound'), 'no such card in your territory');
      return { recordings: await recordings.forCard(db, params.id) };
    },
  );
}
