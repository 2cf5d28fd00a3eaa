import { describe, expect, it } from 'vitest';
import { mayReadIdentity, mayTouchAppeal, mayTouchCard, roleRefusal } from '../../../central/access/rules';
import { refusedByDatabase } from '../../../central/db/savepoints';
import type { Principal } from '../../../central/session/principal';

const almaty: Principal = {
  accountId: 'a-1',
  role: 'supervisor',
  departmentId: 'kz-almaty',
  scope: { national: false, departmentIds: new Set(['kz-almaty', 'kz-almaty-medeu']) },
};

describe("central's access rules (central/access/rules.ts)", () => {
  it('lets a principal touch the cards of its territory, of the fallback queue, and those it created', () => {
    expect(mayTouchCard(almaty, { departmentId: 'kz-almaty-medeu', createdBy: null })).toBe(true);
    expect(mayTouchCard(almaty, { departmentId: null, createdBy: null })).toBe(true);
    expect(mayTouchCard(almaty, { departmentId: 'kz-astana', createdBy: 'a-1' })).toBe(true);
    expect(mayTouchCard(almaty, { departmentId: 'kz-astana', createdBy: 'a-2' })).toBe(false);
  });

  it("lets a principal touch only its territory's appeals and the fallback queue", () => {
    expect(mayTouchAppeal(almaty, { departmentId: 'kz-almaty' })).toBe(true);
    expect(mayTouchAppeal(almaty, { departmentId: null })).toBe(true);
    expect(mayTouchAppeal(almaty, { departmentId: 'kz-astana' })).toBe(false);
  });

  it('shows identities to the roles that act on them and refuses a missing permission by code', () => {
    expect(mayReadIdentity(almaty)).toBe(false);
    expect(mayReadIdentity({ ...almaty, role: 'duty' })).toBe(true);
    expect(roleRefusal(almaty, 'calls.accept')).toEqual({
      code: 'role.forbidden',
      params: { role: 'supervisor', action: 'calls.accept' },
    });
    expect(roleRefusal(almaty, 'cards.write')).toBeNull();
  });

  it("takes only the database's refusal of the data for an operation's own fault", () => {
    expect(refusedByDatabase({ code: '22P05' })).toBe(true);
    expect(refusedByDatabase({ code: '23505' })).toBe(true);
    expect(refusedByDatabase({ code: '57P01' })).toBe(false);
    expect(refusedByDatabase(new Error('connection lost'))).toBe(false);
  });
});
