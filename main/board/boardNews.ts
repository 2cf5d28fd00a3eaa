import { ServerMessageSchema } from '../../domain/contract/realtime';
import type { EventPayload } from '../../domain/contract/ipc';

export type BoardNews =
  | { event: 'board.changed'; payload: EventPayload<'board.changed'> }
  | { event: 'board.escalated'; payload: EventPayload<'board.escalated'> };

/**
 * What a frame from central's socket means for the board: a warning on a card (read its details again at once,
 * §15) or a card rung to the supervisor (§13, §16). Central sent each only to those who may see it.
 */
export function boardNews(json: unknown): BoardNews | null {
  const parsed = ServerMessageSchema.safeParse(json);
  if (!parsed.success) return null;
  const message = parsed.data;
  if (message.type === 'card.warning')
    return { event: 'board.changed', payload: { cardId: message.warning.cardId } };
  if (message.type === 'card.escalated') return { event: 'board.escalated', payload: message.card };
  return null;
}
