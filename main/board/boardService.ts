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
import type { QueuedCheck, ReferenceCheckAnswer, ReferenceCheckInput } from '../../domain/dispatch/warning';
import type { CentralResult, SignedInCentral } from '../central/client';
import type { QueuedChecks } from '../store/queuedChecks';
import type { BoardStore } from './boardStore';

/** An action that needs central's answer: done, refused with a code for the screen, or central unreachable. */
export type BoardAnswer<T> =
  { ok: true; value: T } | { ok: false; refusal: string } | { ok: false; offline: true };

export function answerOf<T>(result: CentralResult<T>): BoardAnswer<T> {
  if (result.ok) return { ok: true, value: result.value };
  if (result.failure.kind !== 'http') return { ok: false, offline: true };
  return { ok: false, refusal: result.failure.refusal?.code ?? 'unknown' };
}

/** A check central could not make now: it waits in the outbox and is made when central is back. */
export type CheckAnswer = BoardAnswer<ReferenceCheckAnswer> | { ok: false; queued: true };

/**
 * The board on this console (issue 14): central's limits and each card's history and warnings while central
 * answers, else the last copy (marked stale with its time), with the card's checks still queued here. Workflow
 * steps go through the outbox like every card change. A reference check is asked of central at once (its warning
 * protects the officers on their way); out of reach, it is queued in the outbox and made when central is back,
 * and the screen says it will be. An identification needs central's answer and is never kept here: refused
 * offline, plainly.
 */
export function createBoardService(deps: {
  central: SignedInCentral;
  store: BoardStore;
  checks: QueuedChecks;
  now: () => Date;
}) {
  const { central, store, checks } = deps;
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

    async details(cardId: string): Promise<{
      details: BoardDetails | null;
      fetchedAt: string | null;
      live: boolean;
      queuedChecks: QueuedCheck[];
    }> {
      const answer = await central.call('GET /api/board/cards/:id', { params: { id: cardId } });
      const key = `card:${cardId}`;
      const queuedChecks = checks.ofCard(cardId);
      if (answer.ok) {
        const now = at();
        store.keep(key, answer.value, now);
        return { details: answer.value, fetchedAt: now, live: true, queuedChecks };
      }
      const copy = store.read(key, BoardDetailsSchema);
      return { details: copy?.value ?? null, fetchedAt: copy?.fetchedAt ?? null, live: false, queuedChecks };
    },

    async check(input: ReferenceCheckInput): Promise<CheckAnswer> {
      const answer = answerOf(await central.call('POST /api/references/check', { body: input }));
      if (!('offline' in answer)) return answer;
      checks.queue(input);
      return { ok: false, queued: true };
    },

    async identify(cardId: string): Promise<BoardAnswer<{ applicant: Applicant | null }>> {
      return answerOf(await central.call('POST /api/board/cards/:id/identify', { params: { id: cardId } }));
    },
  };
}
export type BoardService = ReturnType<typeof createBoardService>;
