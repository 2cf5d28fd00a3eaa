/**
 * Calls `fn` at once, then at most once per `intervalMs`: calls in between become one trailing call, so
 * the last state is always delivered. Pushing 10,000 buffered operations changes the sync status twice per
 * batch; the operator's status bar needs a few updates a second, not a hundred snapshots of every card.
 */
export function coalesce(fn: () => void, intervalMs: number): { (): void; cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  let pending = false;
  // Never what keeps the process alive.
  const wait = () => {
    timer = setTimeout(release, intervalMs);
    timer.unref();
  };
  const release = () => {
    timer = null;
    if (!pending) return;
    pending = false;
    fn();
    wait();
  };
  const call = () => {
    if (timer) {
      pending = true;
      return;
    }
    fn();
    wait();
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = false;
  };
  return call;
}
