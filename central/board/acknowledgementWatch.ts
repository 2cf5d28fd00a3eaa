import {
  type AcknowledgementLimits,
  DEFAULT_ACKNOWLEDGEMENT_LIMITS,
} from '../../domain/dispatch/acknowledgement';
import type { EscalatedCard } from '../../domain/dispatch/board';
import type { EventBus } from '../bus/bus';
import type { Database } from '../db/database';
import { boardRepository } from './boardRepository';

/** How often central looks for cards whose timer ran out: well within a second of the limit. */
export const ACKNOWLEDGEMENT_CHECK_EVERY_MS = 1_000;

/**
 * §13: a card sent to the senior inspector and not taken within the second limit rings the supervisor (§16).
 * The limits come from central's configuration; the clock is injected so tests need not wait two minutes.
 */
export function createAcknowledgementWatch(deps: {
  db: Database;
  bus: EventBus;
  limits?: Partial<AcknowledgementLimits>;
  now?: () => Date;
  onError(error: unknown): void;
}) {
  const limits: AcknowledgementLimits = { ...DEFAULT_ACKNOWLEDGEMENT_LIMITS, ...deps.limits };
  const now = deps.now ?? (() => new Date());
  let running: Promise<EscalatedCard[]> | null = null;

  async function check(at: Date = now()): Promise<EscalatedCard[]> {
    const due = await boardRepository.markEscalated(deps.db, new Date(at.getTime() - limits.escalateAfterMs));
    for (const { ownerId, ...card } of due)
      await deps.bus.publish({ kind: 'card.escalated', departmentId: card.departmentId, ownerId, card });
    return due.map(({ ownerId: _owner, ...card }) => card);
  }

  const timer = setInterval(() => {
    if (running) return;
    running = check().catch((error: unknown) => {
      deps.onError(error);
      return [];
    });
    void running.finally(() => (running = null));
  }, ACKNOWLEDGEMENT_CHECK_EVERY_MS);
  timer.unref();

  return {
    limits,
    /** Rings about every card due at `at` (default: now); tests pass their own clock. */
    check,
    close: () => clearInterval(timer),
  };
}
export type AcknowledgementWatch = ReturnType<typeof createAcknowledgementWatch>;
