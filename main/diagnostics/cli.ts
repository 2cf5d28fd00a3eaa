import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME, ConfigError, type ConfigEnvironment, loadEffectiveConfig } from '../config';
import { createFileLogger } from '../log';
import { REPORT_FILE_NAME, readStoredReport } from '../workstation/service';
import { writeDiagnosticsBundle } from './bundle';
import { describeConfig } from './configReport';
import type { AtRestKeySource } from '../store/atRestKeys';
import { readSyncState } from './syncState';

/**
 * `--diagnostics --out FILE [--data-dir DIR]`: the bundle for IT's scripts, without opening the console.
 * Exit codes: 0 written, 2 a wrong command line, 1 the bundle could not be written.
 */
export interface DiagnosticsCliContext {
  defaultDataDir: string;
  version: string;
  env: ConfigEnvironment & { ProgramData?: string; CONSOLE_MACHINE_CONFIG?: string };
  out: (text: string) => void;
  err: (text: string) => void;
  /** Electron's at-rest key source (the sync state reads the store); host mode's key file otherwise. */
  atRestKeys?: (dataDir: string) => AtRestKeySource;
}

const USAGE = `Usage: --diagnostics --out FILE.zip [--data-dir DIR]
  Writes the logs, the configuration in force, the readiness report and the sync state (no personal data).`;

/** The configuration for the bundle; the user's broken file is itself worth sending, as its problems. */
function configuration(dataDir: string, env: DiagnosticsCliContext['env']) {
  try {
    return describeConfig(loadEffectiveConfig({ userFile: join(dataDir, CONFIG_FILE_NAME), env }));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      userFileRefused: error.problems.map(({ field, reason, values }) => ({ field, reason, values })),
    };
  }
}

export async function runDiagnosticsCli(argv: string[], context: DiagnosticsCliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        diagnostics: { type: 'boolean' },
        out: { type: 'string' },
        'data-dir': { type: 'string', default: context.defaultDataDir },
      },
    }).values;
  } catch (error) {
    context.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!parsed.out) {
    context.err(`--out FILE is required\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(parsed['data-dir']);
  const logDir = join(dataDir, 'logs');
  const log = createFileLogger(logDir, { console: false });
  try {
    const bundle = await writeDiagnosticsBundle(resolve(parsed.out), {
      version: context.version,
      runtime: 'cli',
      logDir,
      configuration: configuration(dataDir, context.env),
      readiness: readStoredReport(join(dataDir, REPORT_FILE_NAME), log),
      sync: readSyncState(dataDir, context.atRestKeys?.(dataDir)),
    });
    log.info('diagnostics.written', { bytes: bundle.bytes, entries: bundle.entries.length, by: 'cli' });
    context.out(`${bundle.file} (${bundle.bytes} bytes): ${bundle.entries.join(', ')}`);
    return 0;
  } catch (error) {
    context.err(`The diagnostics bundle could not be written: ${(error as Error).message}`);
    return 1;
  }
}
