import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../domain/contract/ipc';
import type { About, DiagnosticsBundle } from '../../domain/diagnostics/diagnostics';
import type { SyncStatus } from '../../domain/sync/syncStatus';
import type { WorkstationReport } from '../../domain/workstation/workstation';
import type { Logger } from '../log';
import { writeDiagnosticsBundle } from './bundle';
import { type ConfigReport, describeConfig } from './configReport';

export interface DiagnosticsService {
  about(): About;
  /** Writes a bundle into the data folder's `diagnostics/` and says where. */
  writeBundle(): Promise<DiagnosticsBundle>;
}

export interface DiagnosticsOptions {
  info: AppInfo;
  configReport: ConfigReport;
  readiness(): WorkstationReport | null;
  sync(): SyncStatus;
  log: Logger;
  now(): Date;
}

/** A file name that sorts by time and is valid on Windows (no colons). */
export const bundleFileName = (at: Date) =>
  `diagnostics-${at.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19)}.zip`;

export function createDiagnostics(options: DiagnosticsOptions): DiagnosticsService {
  const { info } = options;
  return {
    about: () => ({
      version: info.version,
      runtime: info.runtime,
      dataDir: info.dataDir,
      logDir: info.logDir,
      ...describeConfig(options.configReport),
    }),
    async writeBundle() {
      const dir = join(info.dataDir, 'diagnostics');
      mkdirSync(dir, { recursive: true });
      const now = options.now();
      const bundle = await writeDiagnosticsBundle(
        join(dir, bundleFileName(now)),
        {
          version: info.version,
          runtime: info.runtime,
          logDir: info.logDir,
          configuration: describeConfig(options.configReport),
          readiness: options.readiness(),
          sync: options.sync(),
        },
        now,
      );
      options.log.info('diagnostics.written', { bytes: bundle.bytes, entries: bundle.entries.length });
      return bundle;
    },
  };
}
