/** A citizen whose socket is gone this long has left (issue 13: "socket gone > 30 s"). */
export const DEFAULT_ABANDON_AFTER_MS = 30_000;

/**
 * Watches the citizens' sockets of this instance: when the last socket of an appeal has been gone for
 * `graceMs`, its call — if nobody accepted it yet — leaves every queue. A reconnect within the grace keeps it.
 */
export function createCallAbandonment(deps: {
  withdraw(appealId: string): Promise<boolean>;
  graceMs: number;
}) {
  const sockets = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  return {
    citizenConnected(appealId: string): void {
      sockets.set(appealId, (sockets.get(appealId) ?? 0) + 1);
      clearTimeout(timers.get(appealId));
      timers.delete(appealId);
    },
    citizenDisconnected(appealId: string): void {
      const left = (sockets.get(appealId) ?? 1) - 1;
      if (left > 0) return void sockets.set(appealId, left);
      sockets.delete(appealId);
      const timer = setTimeout(() => {
        timers.delete(appealId);
        void deps.withdraw(appealId).catch(() => undefined);
      }, deps.graceMs);
      timer.unref();
      timers.set(appealId, timer);
    },
    close(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
export type CallAbandonment = ReturnType<typeof createCallAbandonment>;
