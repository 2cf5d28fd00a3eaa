import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir';
import { startHostProcess } from '../support/hostProcess';
import { waitFor } from '../support/waitFor';

describe('one console per data folder', () => {
  const running: ChildProcess[] = [];
  afterEach(() => running.forEach((c) => c.kill('SIGKILL')));

  it('refuses a second console on the same data folder with a clear message, and the first keeps running', async () => {
    const temp = tempDir();
    const first = startHostProcess(temp.dir);
    running.push(first.child);
    await waitFor(() => first.output().includes('is ready'), { describeState: first.output });

    const second = startHostProcess(temp.dir);
    running.push(second.child);
    const [code] = await once(second.child, 'exit');
    expect(code).toBe(1);
    expect(second.output()).toContain('another console');
    expect(second.output()).toContain(String(first.child.pid));
    expect(first.child.exitCode).toBeNull();

    first.child.kill('SIGTERM');
    await once(first.child, 'exit');
    temp.remove();
  });

  it('takes over the lock a crashed console left behind', async () => {
    const temp = tempDir();
    const crashed = startHostProcess(temp.dir);
    await waitFor(() => crashed.output().includes('is ready'), { describeState: crashed.output });
    crashed.child.kill('SIGKILL');
    await once(crashed.child, 'exit');

    const next = startHostProcess(temp.dir);
    running.push(next.child);
    await waitFor(() => next.output().includes('is ready'), { describeState: next.output });
    next.child.kill('SIGTERM');
    await once(next.child, 'exit');
    temp.remove();
  });
});
