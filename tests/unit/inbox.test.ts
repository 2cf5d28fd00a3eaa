import { describe, expect, it } from 'vitest';
import { duplicateFinder, inboxOrder, metersBetween, possibleDuplicate } from '../../domain/inbox/inbox';
import { anInboxItem } from '../support/inboxItems';

const ALMATY = { lat: 43.2567, lon: 76.9286 };
/** About 111 m north per 0.001° of latitude. */
const north = (metres: number) => ({ lat: ALMATY.lat + metres / 111_195, lon: ALMATY.lon });
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 12, minutes)).toISOString();

describe('the inbox order and its duplicates (issue 12, items 1 and 5)', () => {
  it('puts SOS alarms first, then call requests, then texts, each the longest waiting first', () => {
    const items = [
      { id: 'text new', kind: 'text' as const, receivedAt: at(30) },
      { id: 'call', kind: 'callRequest' as const, receivedAt: at(20) },
      { id: 'text old', kind: 'text' as const, receivedAt: at(1) },
      { id: 'sos late', kind: 'sos' as const, receivedAt: at(40) },
      { id: 'sos early', kind: 'sos' as const, receivedAt: at(35) },
    ];
    expect([...items].sort(inboxOrder).map((i) => i.id)).toEqual([
      'sos early',
      'sos late',
      'call',
      'text old',
      'text new',
    ]);
  });

  it('measures distances on the ground', () => {
    expect(metersBetween(ALMATY, north(300))).toBeCloseTo(300, -1);
    expect(metersBetween(ALMATY, ALMATY)).toBe(0);
  });

  it.each([
    ['near and soon after', 250, 10, true],
    ['near and soon before', 250, -10, true],
    ['too far', 350, 5, false],
    ['too late', 100, 16, false],
  ])('marks an item %s an open card as a possible duplicate: %s m, %s min', (_, metres, minutes, marked) => {
    const card = { id: 'card', createdAt: at(20), location: ALMATY };
    const item = { location: north(metres), receivedAt: at(20 + minutes) };
    expect(possibleDuplicate(item, [card])?.id ?? null).toBe(marked ? 'card' : null);
  });

  it('takes the nearest of several cards, never marks an item without a place, and the window is configurable', () => {
    const far = { id: 'far', createdAt: at(20), location: north(200) };
    const near = { id: 'near', createdAt: at(20), location: north(20) };
    expect(possibleDuplicate({ location: ALMATY, receivedAt: at(21) }, [far, near])?.id).toBe('near');
    expect(possibleDuplicate({ location: null, receivedAt: at(21) }, [near])).toBeNull();
    expect(
      possibleDuplicate({ location: north(500), receivedAt: at(50) }, [near], { minutes: 60, meters: 1000 })
        ?.id,
    ).toBe('near');
  });

  it('marks items against open cards only, never against the card answering the item itself', () => {
    const item = anInboxItem(21, { location: ALMATY });
    const card = (id: string, status: string, appealId: string | null = null) => ({
      id,
      createdAt: at(20),
      location: north(20),
      status,
      appealId,
    });
    expect(duplicateFinder([card('closed', 'closed')])(item)).toBeNull();
    expect(duplicateFinder([card('own', 'draft', item.appealId)])(item)).toBeNull();
    const find = duplicateFinder([card('closed', 'closed'), card('open', 'sent')]);
    expect(find(item)?.id).toBe('open');
    // Asked again for the same item and the same cards: the same answer, measured once.
    expect(find(item)).toBe(find(item));
  });
});
