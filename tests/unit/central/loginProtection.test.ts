import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, loginWaitSeconds } from '../../../central/session/loginThrottle';
import { throttleAddress } from '../../../central/http/clientAddress';
import { passwordWeakness } from '../../../central/accounts/passwordPolicy';

const now = new Date('2026-11-30T08:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const state = (failures: number, lastFailedSecondsAgo: number | null, addressFailures = failures) => ({
  failures,
  lastFailedAt: lastFailedSecondsAgo === null ? null : secondsAgo(lastFailedSecondsAgo),
  addressFailures,
  addressOldestFailureAt: lastFailedSecondsAgo === null ? null : secondsAgo(lastFailedSecondsAgo + 60),
  now,
});

describe('guessing is slowed per (login, address), never locked for everyone (issue 11 item 7)', () => {
  it('lets an officer make a few typos without waiting', () => {
    expect(loginWaitSeconds(state(0, null))).toBe(0);
    expect(loginWaitSeconds(state(LOGIN_THROTTLE.freeFailures - 1, 0))).toBe(0);
  });

  it('doubles the wait with each further failure, up to the cap', () => {
    expect(loginWaitSeconds(state(3, 0))).toBe(1);
    expect(loginWaitSeconds(state(4, 0))).toBe(2);
    expect(loginWaitSeconds(state(8, 0))).toBe(32);
    expect(loginWaitSeconds(state(40, 0))).toBe(LOGIN_THROTTLE.maxDelaySeconds);
    expect(loginWaitSeconds(state(8, 40))).toBe(0);
  });

  it("forgets yesterday's failures", () => {
    expect(loginWaitSeconds(state(30, 25 * 3600))).toBe(0);
  });

  it('stops one address guessing across many logins', () => {
    const s = {
      ...state(0, null),
      addressFailures: LOGIN_THROTTLE.addressMaxFailures,
      addressOldestFailureAt: secondsAgo(300),
    };
    expect(loginWaitSeconds(s)).toBe(LOGIN_THROTTLE.addressWindowMinutes * 60 - 300);
  });

  it('counts IPv6 clients by their /64, IPv4 ones by their address', () => {
    expect(throttleAddress('10.1.2.3')).toBe('10.1.2.3');
    expect(throttleAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(throttleAddress('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });
});

describe('weak passwords are refused (issue 11 item 7)', () => {
  it.each([
    ['short1!', 'tooShort'],
    ['aaaaaaaaaaaaaaaa', 'repetitive'],
    ['121212121212', 'repetitive'],
    ['123456789012', 'common'],
    ['qwertyuiopasdf', 'common'],
    ['Password2024!!', 'common'],
    ['P@ssw0rd2024', 'common'],
    ['Almaty-2024!!', 'common'],
    ['almatyalmaty', 'common'],
    ['Politsiya102!', 'common'],
    ['йцукенгшщзхъ', 'common'],
    ['Saparova#1990', 'containsLogin'],
    ['a.saparova1990', 'containsLogin'],
  ])('%s is %s', (password, weakness) => {
    expect(passwordWeakness(password, 'a.saparova')).toBe(weakness);
  });

  it.each(['correct horse battery', 'steppe eagle over the river', 'Тау-бүркіт 47 ұшты'])(
    '%s may be set',
    (password) => {
      expect(passwordWeakness(password, 'a.saparova')).toBeNull();
    },
  );
});
