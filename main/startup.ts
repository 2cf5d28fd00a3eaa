import { join } from 'node:path';
import { type ApiHandlers, createApiHandlers } from './api';
import { CONFIG_FILE_NAME, type MachineConfig, loadEffectiveConfig } from './config';
import { type DataDirLock, lockDataDir } from './dataDirLock';
import { type Logger, createFileLogger } from './log';
import { type Services, createServices } from './services';
import type { AtRestKeySource } from './store/atRestKeys';

export interface RunningConsole {
  services: Services;
  handlers: ApiHandlers;
  log: Logger;
  config: MachineConfig;
  stop(): void;
}

export interface StartOptions {
  runtime: 'electron' | 'host';
  version: string;
  dataDir: string;
  logToConsole: boolean;
  nativeBinding?: string;
  /** Electron's key source (main/electron/safeStorageKeys.ts); host mode keeps its key file in the data folder. */
  atRestKeys?: (dataDir: string) => AtRestKeySource;
}

/**
 * Starts the console's services the same way in Electron and in host mode:
 * lock the data folder, open the log, read the machine config, open the store.
 */
export function startConsole(options: StartOptions): RunningConsole {
  const lock: DataDirLock = lockDataDir(options.dataDir);
  try {
    const logDir = join(options.dataDir, 'logs');
    const log = createFileLogger(logDir, { console: options.logToConsole });
    const configReport = loadEffectiveConfig({
      userFile: join(options.dataDir, CONFIG_FILE_NAME),
      env: process.env,
    });
    // IT's bad values are ignored, never fatal: the log and the About screen say which and why (no values).
    for (const ignored of configReport.ignored)
      log.warn('config.ignored', { source: ignored.source, field: ignored.field, reason: ignored.reason });
    const config = configReport.config;
    const { atRestKeys, ...rest } = options;
    const services = createServices({
      ...rest,
      logDir,
      config,
      configReport,
      log,
      ...(atRestKeys ? { atRestKeys: atRestKeys(options.dataDir) } : {}),
    });
    return {
      services,
      handlers: createApiHandlers(services),
      log,
      config,
      stop() {
        services.close();
        lock.release();
        log.info('console.stopped');
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
