import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AppInfo } from '../domain/ipc';
import { requirementsFromConfig } from '../domain/workstation';
import type { MachineConfig } from './config';
import { type ConnectivityService, createConnectivity } from './connectivity';
import { type ConsoleEventBus, createEventBus } from './events';
import type { Logger } from './log';
import { type CardRepository, createCardRepository } from './store/cards';
import { openDatabase } from './store/database';
import { type WorkstationService, createWorkstationService } from './workstation/service';

export interface Services {
  info: AppInfo;
  cards: CardRepository;
  connectivity: ConnectivityService;
  events: ConsoleEventBus;
  workstation: WorkstationService;
  log: Logger;
  close(): void;
}

export interface ServicesOptions {
  runtime: AppInfo['runtime'];
  version: string;
  dataDir: string;
  logDir: string;
  config: MachineConfig;
  log: Logger;
  nativeBinding?: string;
}

export const DATABASE_FILE_NAME = 'console.sqlite';

/** The one place that constructs the console's services; Electron and host mode both start here. */
export function createServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const now = () => new Date();
  const db = openDatabase(join(options.dataDir, DATABASE_FILE_NAME), { nativeBinding: options.nativeBinding });
  const cards = createCardRepository(db, { now, newId: uuidv7 });
  const events = createEventBus();
  const workstation = createWorkstationService({
    dataDir: options.dataDir,
    centralUrl: options.config.centralUrl,
    requirements: requirementsFromConfig(options.config.workstation),
    chromeVersion: process.versions.chrome,
    log: options.log,
    now,
    onProgress: (progress) => events.emit('workstation.progress', progress),
    onReport: (report, readiness) => events.emit('workstation.changed', { report, readiness }),
  });
  options.log.info('services.started', { runtime: options.runtime, version: options.version });
  return {
    info: {
      version: options.version,
      runtime: options.runtime,
      role: options.config.role,
      dataDir: options.dataDir,
      logDir: options.logDir,
      centralUrl: options.config.centralUrl,
      tileUrl: options.config.map.tileUrl,
    },
    cards,
    connectivity: createConnectivity(now),
    events,
    workstation,
    log: options.log,
    close: () => db.close(),
  };
}
