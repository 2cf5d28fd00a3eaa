/**
 * How many messages one socket may send: a bucket of `burst` that refills at `perSecond` (issue 11, item 4).
 * A console's bursts (a call's ICE candidates, a presence change) fit; a script's flood runs dry within a
 * fraction of a second, and the socket is closed before its messages cost central anything more.
 */
export interface MessageBudgetSettings {
  burst: number;
  perSecond: number;
}

export function createMessageBudget(
  settings: MessageBudgetSettings,
  now: () => number = () => performance.now(),
) {
  let tokens = settings.burst;
  let at = now();
  return {
    /** Spends one message; false when the budget is spent. */
    take(): boolean {
      const t = now();
      tokens = Math.min(settings.burst, tokens + ((t - at) / 1000) * settings.perSecond);
      at = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    /** Seconds until one message is allowed again. */
    retryAfterSeconds(): number {
      return Math.max(1, Math.ceil((1 - tokens) / settings.perSecond));
    },
  };
}
