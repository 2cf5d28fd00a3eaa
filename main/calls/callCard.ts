import type { Card } from '../../domain/cards/card';
import type { CardViewer } from '../../domain/cards/cardVisibility';
import type { RingingCall } from '../../domain/calls/call';
import type { CardRepository } from '../store/cards';

/**
 * The card beside an accepted call (§9 step 3): the one that already answers the appeal (a rejoin, a
 * second console of the same operator), or a new one linked to it, its place from the caller's device.
 */
export function cardForCall(
  deps: { cards: CardRepository; viewer: CardViewer | null; call: RingingCall | undefined },
  appealId: string,
): Card | null {
  const { cards, viewer, call } = deps;
  if (!viewer || !call) return null;
  const existing = cards.forAppeal(viewer, appealId);
  if (existing) return existing;
  return cards.createForAppeal(
    {
      description: '',
      category: null,
      location: call.location ? { ...call.location, source: 'device' } : null,
    },
    { appealId, channel: call.channel },
  );
}
