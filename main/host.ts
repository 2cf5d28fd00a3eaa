import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError } from './config';
import { atRestKeyErrorText, configErrorText, startupLanguageOf } from './configErrorText';
import { runDiagnosticsCli } from './diagnostics/cli';
import { startHost } from './hostServer';
import { AtRestKeyError } from './store/atRestKeys';

/**
 * Host-mode entry: `node out/main/host.js [--port N] [--data-dir DIR]`, or
 * `--diagnostics --out FILE` for IT's bundle. The port comes from `--port`, else
 * `CONSOLE_PORT`, else `hostPort` in the data folder's config.json, else the default (hostServer.ts).
 */
const here = dirname(fileURLToPath(import.meta.url));

/** The console's version from package.json: two folders up when built (out/main), one up from the sources. */
function readVersion(): string {
  const file = [join(here, '../../package.json'), join(here, '../package.json')].find(existsSync);
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}
const version = readVersion();
const defaultDataDir = process.env.CONSOLE_DATA_DIR ?? join(process.cwd(), '.data', 'console');

// `--diagnostics --out FILE`: write IT's bundle and exit, without starting the console (main/diagnostics/cli.ts).
if (process.argv.includes('--diagnostics')) {
  process.exit(
    await runDiagnosticsCli(process.argv.slice(2), {
      defaultDataDir,
      version,
      env: process.env,
      // CLI output: where the bundle went, or why not.
      out: (text) => console.log(text),
      // CLI output
      err: (text) => console.error(text),
    }),
  );
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': {
      type: 'string',
      default: defaultDataDir,
    },
  },
});

const givenPort = values.port ?? (process.env.CONSOLE_PORT || undefined);
const port = givenPort === undefined ? undefined : Number(givenPort);
if (port !== undefined && (!/^\d+$/.test(givenPort ?? '') || port > 65535)) {
  // CLI output: the person who typed the flag reads why it was refused.
  console.error(`--port must be a number from 0 to 65535, got "${givenPort}"`);
  process.exit(2);
}

try {
  const host = await startHost({
    port,
    dataDir: resolve(values['data-dir']),
    rendererDir: join(here, '../renderer'),
    version,
    logToConsole: false,
  });
  // Before saying it is ready: a stop asked for the moment it is ready still closes the database cleanly.
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // CLI output: the address to open, for the person who started host mode (never written to the log).
  console.log(`102 console (host mode) is ready: ${host.url}`);
  // CLI output
  console.log(`Data folder: ${resolve(values['data-dir'])}`);
} catch (error) {
  // The person at the terminal reads the configuration error in the language of their system.
  const lang = startupLanguageOf([process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG]);
  // CLI output
  console.error(
    error instanceof ConfigError
      ? configErrorText(error, lang)
      : error instanceof AtRestKeyError
        ? atRestKeyErrorText(error, lang)
        : `The console could not start: ${(error as Error).message}`,
  );
  process.exit(1);
}
