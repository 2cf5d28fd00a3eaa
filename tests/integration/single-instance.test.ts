import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/console';

const repo = resolve(__dirname, '../..');

interface HostProcess {
  child: ChildProcess;
  output: () => string;
}

function startHostProcess(dataDir: string): HostProcess {
  // One process (tsx as a loader, not its wrapper), so a kill is a real crash of the console.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repo, 'main/host.ts'), '--port', '0', '--data-dir', dataDir],
    {
      cwd: repo,
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitFor(
  condition: () => boolean,
  describeOutput?: () => string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far: ${describeOutput?.() ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('one console per data folder', () => {
  const running: ChildProcess[] = [];
  afterEach(() => running.forEach((c) => c.kill('SIGKILL')));

  it('refuses a second console on the same data folder with a clear message, and the first keeps running', async () => {
    const temp = tempDir();
    const first = startHostProcess(temp.dir);
    running.push(first.child);
    await waitFor(() => first.output().includes('is ready'), first.output);

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
    await waitFor(() => crashed.output().includes('is ready'), crashed.output);
    crashed.child.kill('SIGKILL');
    await once(crashed.child, 'exit');

    const next = startHostProcess(temp.dir);
    running.push(next.child);
    await waitFor(() => next.output().includes('is ready'), next.output);
    next.child.kill('SIGTERM');
    await once(next.child, 'exit');
    temp.remove();
  });
});
