import { describe, expect, it } from 'vitest';
import {
  type CentreCard,
  type CentreView,
  ON_CARD_WINDOW_MS,
  operatorAt,
  operatorState,
  waitsTooLong,
} from '../../../domain/centre/centre';
import { centreFigures, formatDuration } from '../../../renderer/features/centre/figures';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();

const aCentreCard = (overrides: Partial<CentreCard> = {}): CentreCard => ({
  id: '0190d6a0-0000-7000-8000-000000000001',
  number: 'ALA-2026-000001',
  status: 'draft',
  departmentId: 'kz-almaty',
  urgent: true,
  createdAt: iso(0),
  statusSince: iso(0),
  sentAt: null,
  takenAt: null,
  missing: [],
  ...overrides,
});

describe('the operator’s state on the supervisor’s view (§16)', () => {
  const presence = (status: 'available' | 'busy' | 'away') => ({ status, since: iso(0) });

  it('is in a call or away as the console says, whatever drafts there are', () => {
    const draft = { createdAt: iso(1000), updatedAt: iso(2000) };
    expect(operatorState(presence('busy'), draft, T0 + 5000)).toEqual({
      state: 'inCall',
      since: iso(0),
      until: null,
    });
    expect(operatorState(presence('away'), draft, T0 + 5000)).toEqual({
      state: 'away',
      since: iso(0),
      until: null,
    });
  });

  it('is on a card while a draft of theirs was written to lately, since the draft began', () => {
    const draft = { createdAt: iso(60_000), updatedAt: iso(90_000) };
    const onCard = operatorState(presence('available'), draft, T0 + 120_000);
    expect(onCard).toEqual({ state: 'onCard', since: iso(60_000), until: iso(90_000 + ON_CARD_WINDOW_MS) });
    // The screen's own clock ends it when the window passes, with no news from central.
    const shown = { accountId: '0190d6a0-0000-7000-8000-0000000000b1', displayName: 'Асель Нурланова' };
    const operator = { ...shown, role: 'operator' as const, departmentId: 'kz-almaty', ...onCard };
    expect(operatorAt(operator, T0 + 120_000).state).toBe('onCard');
    expect(operatorAt(operator, T0 + 90_000 + ON_CARD_WINDOW_MS)).toEqual({
      state: 'available',
      since: iso(90_000 + ON_CARD_WINDOW_MS),
    });
    // A draft left alone past the window no longer keeps them "on a card".
    expect(operatorState(presence('available'), draft, T0 + 90_000 + ON_CARD_WINDOW_MS).state).toBe(
      'available',
    );
  });
});

describe('the centre’s figures', () => {
  const view = (cards: CentreCard[]): CentreView => ({
    at: iso(0),
    waiting: [
      {
        appealId: '0190d6a0-0000-7000-8000-0000000000a1',
        number: '2026-000001',
        kind: 'text',
        channel: 'app102',
        departmentId: 'kz-almaty',
        receivedAt: iso(-125_000),
        escalated: false,
        claimed: false,
      },
      {
        appealId: '0190d6a0-0000-7000-8000-0000000000a2',
        number: '2026-000002',
        kind: 'callRequest',
        channel: 'app102',
        departmentId: 'kz-almaty',
        receivedAt: iso(-30_000),
        escalated: true,
        claimed: false,
      },
    ],
    operators: [],
    cards,
  });

  it('counts what waits and the longest wait', () => {
    const f = centreFigures(view([]), T0);
    expect(f).toMatchObject({ waitingCalls: 1, waitingTexts: 1, longestWaitMs: 125_000, openCards: 0 });
    expect(formatDuration(f.longestWaitMs ?? 0)).toBe('2:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('orders §13 timers late first, then by what runs out first, handles a card sent with no known time, and flags the rest', () => {
    const soon = aCentreCard({
      id: '0190d6a0-0000-7000-8000-000000000002',
      status: 'sentToInspector',
      sentAt: iso(-50_000),
      statusSince: iso(-50_000),
    });
    const late = aCentreCard({
      id: '0190d6a0-0000-7000-8000-000000000003',
      status: 'sentToInspector',
      sentAt: iso(-70_000),
      statusSince: iso(-70_000),
    });
    const unknown = aCentreCard({ id: '0190d6a0-0000-7000-8000-000000000004', status: 'sentToInspector' });
    const incomplete = aCentreCard({ id: '0190d6a0-0000-7000-8000-000000000005', missing: ['place'] });
    const old = aCentreCard({ id: '0190d6a0-0000-7000-8000-000000000006', statusSince: iso(-11 * 60_000) });
    const f = centreFigures(view([unknown, soon, late, incomplete, old]), T0);
    expect(f.acknowledgements.map((a) => [a.card.id, a.state, a.msLeft])).toEqual([
      [late.id, 'late', 50_000],
      [soon.id, 'waiting', 10_000],
      [unknown.id, null, null],
    ]);
    expect(f.attention.map((a) => a.card.id).sort()).toEqual([late.id, incomplete.id, old.id].sort());
    expect(waitsTooLong(old, T0)).toBe(true);
    expect(f.byStatus).toEqual([
      { status: 'draft', count: 2, oldestMs: 0 },
      { status: 'sentToInspector', count: 3, oldestMs: 0 },
    ]);
  });
});
