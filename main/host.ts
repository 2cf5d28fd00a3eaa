import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHost } from './hostServer';

/** Host-mode entry: `node out/main/host.js [--port N] [--data-dir DIR]`. */
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.CONSOLE_PORT ?? '0' },
    'data-dir': { type: 'string', default: process.env.CONSOLE_DATA_DIR ?? join(process.cwd(), '.data', 'console') },
  },
});

const port = Number.parseInt(values.port, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

try {
  const host = await startHost({
    port,
    dataDir: resolve(values['data-dir']),
    rendererDir: join(here, '../renderer'),
    version,
    logToConsole: false,
  });
  console.log(`102 console (host mode) is ready: ${host.url}`);
  console.log(`Data folder: ${resolve(values['data-dir'])}`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`The console could not start: ${(error as Error).message}`);
  process.exit(1);
}
