import { join } from 'node:path';
import { runWorkstationCheckCli } from './checkCli';

/** `npm run workstation-check -- [--json]`: the readiness check from a terminal, without the console window. */
const code = await runWorkstationCheckCli(process.argv.slice(2), {
  defaultDataDir: process.env.CONSOLE_DATA_DIR ?? join(process.cwd(), '.data', 'console'),
  chromeVersion: process.versions.chrome,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
process.exitCode = code;
