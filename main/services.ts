import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AppInfo } from '../domain/ipc';
import type { MachineConfig } from './config';
import { type ConnectivityService, createConnectivity } from './connectivity';
import { type ConsoleEventBus, createEventBus } from './events';
import type { Logger } from './log';
import { type CardRepository, createCardRepository } from './store/cards';
import { openDatabase } from './store/database';

export interface Services {
  info: AppInfo;
  cards: CardRepository;
  connectivity: ConnectivityService;
  events: ConsoleEventBus;
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
    events: createEventBus(),
    log: options.log,
    close: () => db.close(),
  };
}
