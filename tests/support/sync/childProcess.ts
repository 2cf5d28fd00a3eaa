import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Bundles a child script once per test run. Plain `node` starts in a fraction of the time `--import tsx`
 * needs (which matters 200 times over), and the pid we kill is the real process, not a loader wrapper.
 * The bundle lives under node_modules so that better-sqlite3 resolves from it.
 */
export function bundleChild(entry: string): string {
  const outDir = join(ROOT, 'node_modules/.cache/sync-tests');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${entry.replace(/\W/g, '_')}-${process.pid}.mjs`);
  buildSync({
    entryPoints: [join(import.meta.dirname, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['better-sqlite3', 'argon2'],
    // Bundled CommonJS packages (ws) still call require() for Node's own modules.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return outfile;
}

/** A child process with its stdout split into lines. */
export function spawnChild(
  script: string,
  args: string[],
  onLine: (line: string) => void,
): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

export const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
