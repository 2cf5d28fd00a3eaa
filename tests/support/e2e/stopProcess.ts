import type { ChildProcess } from 'node:child_process';

/** How long a console or central may take to close its database and sockets after a stop is asked for. */
const STOP_GRACE_MS = 15_000;

/**
 * Sends `signal` and waits for the exit. A process still running after the grace period is killed and the
 * stop fails with its name, so a shutdown that hangs is reported as that, not as the test's own timeout.
 */
export function stopProcess(
  child: ChildProcess,
  name: string,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${name} did not exit within ${STOP_GRACE_MS} ms of ${signal}`));
    }, STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill(signal);
  });
}
