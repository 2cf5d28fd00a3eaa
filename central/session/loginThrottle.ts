/**
 * How wrong passwords are slowed down. The old rule — five failures lock the login for 15 minutes — let
 * anyone on the network lock any officer (the admin included) out of the console at will. Here failures
 * are counted per (login, client address): whoever guesses slows down only their own next guess at that
 * login, with a delay that doubles after a few free mistakes, while the officer at their own workstation
 * signs in as usual. A limit per address over all logins stops one address from guessing across many
 * logins. Guessing from many addresses at once is what the password rules (passwordPolicy.ts) and the
 * request rate limits are for. Logins that do not exist are counted the same way, so no answer tells
 * which logins exist.
 */
export const LOGIN_THROTTLE = {
  /** Typos an officer may make in a row without waiting. */
  freeFailures: 3,
  /** The wait after the first counted failure; it doubles with each further one, up to the cap. */
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  /** Failures this old no longer count: yesterday's typos do not slow today's sign-in. */
  forgetAfterHours: 24,
  /** One address may fail this many times over all logins within the window, then it waits. */
  addressMaxFailures: 50,
  addressWindowMinutes: 15,
} as const;

export interface ThrottleState {
  /** Counted failures of this login from this address (0 when none or forgotten). */
  failures: number;
  lastFailedAt: Date | null;
  /** Failures from this address over all logins within the window, and the oldest of them. */
  addressFailures: number;
  addressOldestFailureAt: Date | null;
  now: Date;
}

/** Seconds to wait before this (login, address) may try again; 0 = may try now. */
export function loginWaitSeconds(s: ThrottleState, policy = LOGIN_THROTTLE): number {
  const nowMs = s.now.getTime();
  let waitMs = 0;
  const forgotten =
    s.lastFailedAt === null || nowMs - s.lastFailedAt.getTime() > policy.forgetAfterHours * 3_600_000;
  if (!forgotten && s.lastFailedAt && s.failures >= policy.freeFailures) {
    const delay = Math.min(
      policy.firstDelaySeconds * 2 ** (s.failures - policy.freeFailures),
      policy.maxDelaySeconds,
    );
    waitMs = Math.max(waitMs, s.lastFailedAt.getTime() + delay * 1000 - nowMs);
  }
  if (s.addressFailures >= policy.addressMaxFailures && s.addressOldestFailureAt) {
    const windowEnd = s.addressOldestFailureAt.getTime() + policy.addressWindowMinutes * 60_000;
    waitMs = Math.max(waitMs, windowEnd - nowMs);
  }
  return Math.ceil(Math.max(0, waitMs) / 1000);
}
