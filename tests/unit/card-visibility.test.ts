import { describe, expect, it } from 'vitest';
import { REFUSABLE_CARD_OPERATIONS } from '../../domain/cards/cardRefusal';
import type { SyncOperationType } from '../../domain/sync/sync';
import { type CardAudience, cardVisibleTo } from '../../domain/cards/cardVisibility';
import { scopeOf } from '../../domain/session/roles';
import { aViewer } from '../support/cardViewers';

const departments = [
  { id: 'kz-almaty', parentId: null },
  { id: 'kz-almaty-medeu', parentId: 'kz-almaty' },
  { id: 'kz-astana', parentId: null },
];
const aCard = (overrides: Partial<CardAudience> = {}): CardAudience => ({
  departmentId: 'kz-almaty',
  createdBy: null,
  atCentral: true,
  ...overrides,
});

describe('who sees a card on the console (the rule central applies)', () => {
  it("shows a card of the account's territory and of the territories beneath it", () => {
    const inspector = aViewer({
      login: 'inspector',
      role: 'inspector',
      scope: scopeOf('kz-almaty', departments),
    });
    expect(cardVisibleTo(inspector, aCard())).toBe(true);
    expect(cardVisibleTo(inspector, aCard({ departmentId: 'kz-almaty-medeu' }))).toBe(true);
  });

  it('hides a card of another territory, unless the account created it', () => {
    const astana = aViewer({ login: 'astana', scope: scopeOf('kz-astana', departments) });
    expect(cardVisibleTo(astana, aCard({ createdBy: 'operator' }))).toBe(false);
    expect(cardVisibleTo(astana, aCard({ createdBy: 'astana' }))).toBe(true);
  });

  it('hides a district officer the cards of the rest of the city', () => {
    const duty = aViewer({ login: 'duty', role: 'duty', scope: scopeOf('kz-almaty-medeu', departments) });
    expect(cardVisibleTo(duty, aCard())).toBe(false);
  });

  it('shows the fallback queue (§8: no territory) to every account that reads cards', () => {
    const astana = aViewer({ login: 'astana', scope: scopeOf('kz-astana', departments) });
    expect(cardVisibleTo(astana, aCard({ departmentId: null }))).toBe(true);
  });

  it('shows a card central has not routed yet only to its author', () => {
    const unsent = aCard({ departmentId: null, createdBy: 'operator', atCentral: false });
    expect(cardVisibleTo(aViewer({ login: 'operator' }), unsent)).toBe(true);
    expect(
      cardVisibleTo(aViewer({ login: 'supervisor', role: 'supervisor', departmentId: null }), unsent),
    ).toBe(false);
  });

  it('shows a card written while nobody was signed in to whoever reads cards', () => {
    const anonymous = aCard({ departmentId: null, createdBy: null, atCentral: false });
    expect(cardVisibleTo(aViewer({ login: 'inspector', role: 'inspector' }), anonymous)).toBe(true);
  });

  it('shows no card to a role that does not read cards, not even its own', () => {
    const employee = aViewer({ login: 'employee', role: 'employee' });
    expect(cardVisibleTo(employee, aCard())).toBe(false);
    expect(cardVisibleTo(employee, aCard({ createdBy: 'employee', atCentral: false }))).toBe(false);
  });

  it('shows a national account every routed card', () => {
    const head = aViewer({ login: 'head', role: 'head', departmentId: null });
    expect(cardVisibleTo(head, aCard({ departmentId: 'kz-astana' }))).toBe(true);
  });
});

describe('the card operations central may refuse', () => {
  it('are operations of the sync protocol, and every card operation but a chat line and an inbox action', () => {
    const cardOperations: readonly SyncOperationType[] = REFUSABLE_CARD_OPERATIONS;
    const everyType: Record<SyncOperationType, true> = {
      'card.create': true,
      'card.update': true,
      'card.transition': true,
      'recording.meta': true,
      'units.dispatch': true,
      'reference.check': true,
      'chat.message': true,
      'inbox.claim': true,
      'inbox.forward': true,
      'inbox.link': true,
    };
    expect([...cardOperations, 'chat.message', 'inbox.claim', 'inbox.forward', 'inbox.link'].sort()).toEqual(
      Object.keys(everyType).sort(),
    );
  });
});
