import {
  type AcknowledgementLimits,
  DEFAULT_ACKNOWLEDGEMENT_LIMITS,
} from '../../domain/dispatch/acknowledgement';
import {
  AcknowledgementLimitsSchema,
  type BoardDetails,
  BoardDetailsSchema,
} from '../../domain/dispatch/board';
import type { Applicant } from '../../domain/cards/card';
import type { ReferenceCheckAnswer, ReferenceCheckInput } from '../../domain/dispatch/warning';
import type { CentralResult, SignedInCentral } from '../central/client';
import type { BoardStore } from './boardStore';

/** An action that needs central's answer: done, refused with a code for the screen, or central unreachable. */
export type BoardAnswer<T> =
  { ok: true; value: T } | { ok: false; refusal: string } | { ok: false; offline: true };

export function answerOf<T>(result: CentralResult<T>): BoardAnswer<T> {
  if (result.ok) return { ok: true, value: result.value };
  if (result.failure.kind !== 'http') return { ok: false, offline: true };
  return { ok: false, refusal: result.failure.refusal?.code ?? 'unknown' };
}

/**
 * The board on this console (issue 14): central's limits and each card's history and warnings while central
 * answers, else the last copy (marked stale with its time). Workflow steps go through the outbox like every card
 * change; a reference check and an identification need central's answer at once (a check nobody answered
 * protects no officer, and an identity is never kept here), so they are refused offline, plainly.
 */
export function createBoardService(deps: { central: SignedInCentral; store: BoardStore; now: () => Date }) {
  const { central, store } = deps;
  const at = () => deps.now().toISOString();
  return {
    async settings(): Promise<{ limits: AcknowledgementLimits; live: boolean }> {
      const answer = await central.call('GET /api/board/settings', {});
      if (answer.ok) {
        store.keep('settings', answer.value.limits, at());
        return { limits: answer.value.limits, live: true };
      }
      const copy = store.read('settings', AcknowledgementLimitsSchema);
      return { limits: copy?.value ?? DEFAULT_ACKNOWLEDGEMENT_LIMITS, live: false };
    },

    async details(
      cardId: string,
    ): Promise<{ details: BoardDetails | null; fetchedAt: string | null; live: boolean }> {
      const answer = await central.call('GET /api/board/cards/:id', { params: { id: cardId } });
      const key = `card:${cardId}`;
      if (answer.ok) {
        const now = at();
        store.keep(key, answer.value, now);
        return { details: answer.value, fetchedAt: now, live: true };
      }
      const copy = store.read(key, BoardDetailsSchema);
      return { details: copy?.value ?? null, fetchedAt: copy?.fetchedAt ?? null, live: false };
    },

    async check(input: ReferenceCheckInput): Promise<BoardAnswer<ReferenceCheckAnswer>> {
      return answerOf(await central.call('POST /api/references/check', { body: input }));
    },

    async identify(cardId: string): Promise<BoardAnswer<{ applicant: Applicant | null }>> {
      return answerOf(await central.call('POST /api/board/cards/:id/identify', { params: { id: cardId } }));
    },
  };
}
export type BoardService = ReturnType<typeof createBoardService>;
