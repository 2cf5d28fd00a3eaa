/**
 * Polls `condition` until it holds; fails after `timeoutMs` with what `describeState` says (the output of a
 * child process, say), so a test that times out tells why.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 60_000, describeState }: { timeoutMs?: number; describeState?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms${describeState ? `; ${describeState()}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
