import { describe, expect, it } from 'vitest';
import type { Card } from '../../../domain/cards/card';
import type { CardWarning } from '../../../domain/dispatch/warning';
import { boardOrder, selectCardWarnings } from '../../../renderer/features/board/selectors';

const aCard = (overrides: Partial<Card>): Card => ({
  id: crypto.randomUUID(),
  localNumber: 1,
  status: 'sentToInspector',
  description: 'Драка во дворе',
  category: 'otherOffence',
  location: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
  urgent: true,
  ...overrides,
});

describe('the senior inspector’s board (§10, §13)', () => {
  it('shows cards from sent to registered: waiting ones first, urgent before non-urgent, then newest', () => {
    const takenNewest = aCard({
      status: 'inResponse',
      sentAt: '2026-11-30T10:09:00.000Z',
      takenAt: '2026-11-30T10:09:30.000Z',
    });
    const waitingOld = aCard({ sentAt: '2026-11-30T10:01:00.000Z' });
    const waitingNew = aCard({ sentAt: '2026-11-30T10:05:00.000Z' });
    const waitingNotUrgent = aCard({ sentAt: '2026-11-30T10:08:00.000Z', urgent: false });
    const registered = aCard({ status: 'registered', sentAt: '2026-11-30T09:00:00.000Z' });
    const draft = aCard({ status: 'draft' });
    const closed = aCard({ status: 'closed' });
    expect(
      boardOrder([takenNewest, waitingOld, draft, waitingNotUrgent, registered, waitingNew, closed]).map(
        (c) => c.id,
      ),
    ).toEqual([waitingNew.id, waitingOld.id, waitingNotUrgent.id, takenNewest.id, registered.id]);
  });

  it('gives units’ panel the card’s warnings as one stable array (no re-render without a change)', () => {
    const cardId = crypto.randomUUID();
    const warning: CardWarning = {
      id: crypto.randomUUID(),
      cardId,
      kind: 'weapon',
      personName: 'Демо Қаруұстаушы',
      note: 'ДЕМО',
      createdAt: '2026-11-30T10:00:00.000Z',
    };
    const state = {
      boardDetails: {
        [cardId]: {
          details: { cardId, steps: [], warnings: [warning] },
          fetchedAt: null,
          live: true,
          queuedChecks: [],
        },
      },
    };
    expect(selectCardWarnings(cardId)(state)).toEqual([warning]);
    expect(selectCardWarnings(cardId)(state)).toBe(selectCardWarnings(cardId)(state));
    expect(selectCardWarnings('other')(state)).toBe(selectCardWarnings(null)(state));
    expect(selectCardWarnings(null)(state)).toEqual([]);
  });
});
