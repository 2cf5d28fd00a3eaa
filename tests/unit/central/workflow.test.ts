import { describe, expect, it } from 'vitest';
import { type CardFields, EMPTY_CARD_FIELDS } from '../../../domain/cards/card';
import { can, inScope, ROLES, scopeOf } from '../../../domain/session/roles';
import { decideTransition, TRANSITIONS } from '../../../domain/cards/workflow';

const filled: CardFields = {
  ...EMPTY_CARD_FIELDS,
  description: 'Драка',
  category: 'otherOffence',
  location: { lat: 43.25, lon: 76.9, source: 'map' },
};
const aCard = (
  status: Parameters<typeof decideTransition>[0]['status'],
  fields: Partial<CardFields> = {},
) => ({ status, fields: { ...filled, ...fields } });

describe('the card workflow (§9–15)', () => {
  it('lets the operator send a filled card to the inspector (§9)', () => {
    expect(decideTransition(aCard('draft'), { transition: 'sendToInspector' }, 'operator')).toEqual({
      ok: true,
      to: 'sentToInspector',
    });
  });

  it('refuses to send a card with a field missing (§9 step 5)', () => {
    const r = decideTransition(
      aCard('draft', { category: null, location: null }),
      { transition: 'sendToInspector' },
      'operator',
    );
    expect(r).toEqual({
      ok: false,
      refusal: { code: 'card.missingForSend', params: { fields: ['category', 'place'] } },
      reason: 'fill in before sending: category, place',
    });
  });

  it('sends only a non-urgent text to the competent service (§12)', () => {
    expect(decideTransition(aCard('draft'), { transition: 'forwardToService' }, 'operator').ok).toBe(false);
    expect(
      decideTransition(aCard('draft', { urgent: false }), { transition: 'forwardToService' }, 'operator'),
    ).toEqual({ ok: true, to: 'forwardedToService' });
  });

  it('registers in the КІҚЖ only with its number, by the duty unit (§14)', () => {
    expect(decideTransition(aCard('forwardedToDuty'), { transition: 'register' }, 'duty').ok).toBe(false);
    expect(
      decideTransition(aCard('forwardedToDuty'), { transition: 'register', kuizhNumber: '77' }, 'inspector')
        .ok,
    ).toBe(false);
    expect(
      decideTransition(aCard('forwardedToDuty'), { transition: 'register', kuizhNumber: '77' }, 'duty'),
    ).toEqual({ ok: true, to: 'registered' });
  });

  it('allows each transition to its roles only, from its states only', () => {
    for (const [name, rule] of Object.entries(TRANSITIONS)) {
      for (const role of ROLES) {
        const r = decideTransition(
          aCard(rule.from[0], { urgent: name !== 'forwardToService' }),
          { transition: name as keyof typeof TRANSITIONS, kuizhNumber: '1' },
          role,
        );
        expect(r.ok, `${role} ${name}`).toBe((rule.roles as readonly string[]).includes(role));
      }
      expect(
        decideTransition(
          aCard('closed'),
          { transition: name as keyof typeof TRANSITIONS, kuizhNumber: '1' },
          rule.roles[0],
        ).ok,
      ).toBe(false);
    }
  });
});

describe('the permission matrix and territory scope (§28, §8)', () => {
  it('gives account management to the admin only', () => {
    expect(ROLES.filter((r) => can(r, 'accounts.manage'))).toEqual(['admin']);
  });

  it("covers a department's districts, not its neighbours", () => {
    const departments = [
      { id: 'kz-almaty', parentId: null },
      { id: 'kz-almaty-medeu', parentId: 'kz-almaty' },
      { id: 'kz-astana', parentId: null },
    ];
    const almaty = scopeOf('kz-almaty', departments);
    expect(inScope(almaty, 'kz-almaty-medeu')).toBe(true);
    expect(inScope(almaty, 'kz-astana')).toBe(false);
    expect(inScope(scopeOf('kz-almaty-medeu', departments), 'kz-almaty')).toBe(false);
    expect(inScope(scopeOf(null, departments), 'kz-astana')).toBe(true);
    expect(inScope(almaty, null)).toBe(true);
  });
});
