import { describe, expect, it } from 'vitest';
import { cardActions, mayEditFields, transitionsFor } from '../../domain/cards/cardActions';
import { CARD_STATUSES } from '../../domain/cards/card';
import { ROLES } from '../../domain/session/roles';

const urgent = (status: (typeof CARD_STATUSES)[number]) => ({ status, urgent: true });

describe('the card form offers each role only what the workflow lets it do (§9–15)', () => {
  it('offers the operator "send to the inspector" on a draft, and nothing once it is sent', () => {
    expect(transitionsFor('operator', urgent('draft'))).toEqual(['sendToInspector']);
    expect(transitionsFor('operator', urgent('sentToInspector'))).toEqual([]);
  });

  it('never offers the inspector or the duty unit "send to the inspector"', () => {
    for (const role of ['inspector', 'duty'] as const)
      for (const status of CARD_STATUSES)
        expect(transitionsFor(role, urgent(status))).not.toContain('sendToInspector');
  });

  it('offers the inspector the response on a sent card, and the duty unit the registration in the КІҚЖ', () => {
    expect(transitionsFor('inspector', urgent('sentToInspector'))).toEqual(['startResponse']);
    expect(transitionsFor('inspector', urgent('inResponse'))).toEqual(['forwardToDuty', 'close']);
    expect(transitionsFor('duty', urgent('forwardedToDuty'))).toEqual(['register']);
  });

  it('offers the competent service only for a non-urgent card (§12)', () => {
    expect(transitionsFor('operator', { status: 'draft', urgent: false })).toEqual([
      'sendToInspector',
      'forwardToService',
    ]);
  });

  it('offers no step to roles that do not write cards', () => {
    for (const role of ['head', 'employee', 'admin'] as const)
      for (const status of CARD_STATUSES) expect(transitionsFor(role, urgent(status))).toEqual([]);
  });

  it('lets the operator edit only a draft, others until the card is closed, readers never', () => {
    expect(mayEditFields('operator', 'draft')).toBe(true);
    expect(mayEditFields('operator', 'sentToInspector')).toBe(false);
    expect(mayEditFields('inspector', 'inResponse')).toBe(true);
    expect(mayEditFields('inspector', 'closed')).toBe(false);
    expect(ROLES.filter((role) => mayEditFields(role, 'draft'))).toEqual([
      'operator',
      'inspector',
      'duty',
      'supervisor',
    ]);
  });

  it('shows a card sent offline as sending: read-only for the operator, with no step offered twice', () => {
    expect(cardActions('operator', urgent('draft'), 'sendToInspector')).toEqual({
      editFields: false,
      transitions: [],
      sending: 'sendToInspector',
    });
    expect(cardActions('operator', urgent('draft'), null)).toEqual({
      editFields: true,
      transitions: ['sendToInspector'],
      sending: null,
    });
  });
});
