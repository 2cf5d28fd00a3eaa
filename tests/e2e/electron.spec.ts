import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from '../support/e2e/fixtures';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Electron binary, when this machine could download it (`npm start` tries once). */
function electronBinary(): string | null {
  const pathFile = join(repo, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(repo, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

/** better-sqlite3 built for Electron's ABI, which `npm start` prepares beside the Node build. */
function electronSqliteBinding(): string | undefined {
  const version = (
    JSON.parse(readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  ).version;
  const binding = join(repo, 'node_modules/.electron-native', version, 'build/Release/better_sqlite3.node');
  return existsSync(binding) ? binding : undefined;
}

test('the real Electron window opens sandboxed and shows the console', async ({ dataDir }) => {
  test.skip(
    !binary,
    'The Electron binary is not installed on this machine (it could not be downloaded); host mode covers the same renderer and services.',
  );
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [repo],
    env: {
      ...process.env,
      CONSOLE_DATA_DIR: dataDir,
      ...(electronSqliteBinding() ? { CONSOLE_SQLITE_BINDING: electronSqliteBinding() } : {}),
    },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('connectivity')).toBeVisible();
    expect(new URL(window.url()).protocol).toBe('app:');
    const exposed = await window.evaluate(() => ({
      bridge: typeof (window as unknown as Record<string, unknown>).console102,
      require: typeof (window as unknown as Record<string, unknown>).require,
      process: typeof (window as unknown as Record<string, unknown>).process,
    }));
    expect(exposed).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
  } finally {
    await app.close();
  }
});
