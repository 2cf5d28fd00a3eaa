import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts `central/main.ts --demo` in a child process on a random port; answers its URL and a stop.
 * `rateLimitAllow` (CENTRAL_RATE_LIMIT_ALLOW): addresses not counted by address, for benches whose one load
 * generator stands for many clients (central/http/rateLimits.ts).
 */
export async function spawnCentral(options: {
  databaseUrl?: string;
  rateLimitAllow?: string;
  /** More of central's environment (its TURN settings, say). */
  env?: Record<string, string>;
}): Promise<{ url: string; close(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'central/main.ts'), '--demo'],
    {
      cwd: root,
      env: {
        ...process.env,
        CENTRAL_PORT: '0',
        CENTRAL_LOG: '0',
        DATABASE_URL: options.databaseUrl ?? '',
        CENTRAL_DATA_DIR: '',
        CENTRAL_RATE_LIMIT_ALLOW: options.rateLimitAllow ?? '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /central listening on (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`central exited with ${code}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** An access token of the demo operator (password = login), as a console would hold after signing in. */
export async function demoOperatorToken(centralUrl: string): Promise<string> {
  const login = await fetch(`${centralUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'operator', password: 'operator' }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}
