import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');

export interface HostProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the printed URL once the host says it is ready; rejects if it exits first. */
  ready: Promise<{ url: string; origin: string; secret: string }>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Host mode as its own process from the sources (tsx as a loader, not its wrapper), so a kill is a real
 * crash of the console and a crash is a real exit. Tests pass `--port 0` unless they test the port itself.
 */
export function startHostProcess(dataDir: string, args: readonly string[] = ['--port', '0']): HostProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repo, 'main/host.ts'), ...args, '--data-dir', dataDir],
    {
      cwd: repo,
      env: { ...process.env, CONSOLE_PORT: '', CONSOLE_CENTRAL_URL: '' },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = new Promise<{ url: string; origin: string; secret: string }>((done, fail) => {
    const onData = () => {
      const url = /is ready: (\S+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout?.off('data', onData);
      const parsed = new URL(url);
      done({
        url,
        origin: parsed.origin,
        secret: new URLSearchParams(parsed.hash.slice(1)).get('secret') ?? '',
      });
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => fail(new Error(`host exited with ${code}:\n${output}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => output, ready, exited };
}
