import { join } from 'node:path';
import type { z } from 'zod';
import type { CardDraftInput } from '../../domain/cards/card';
import { MachineConfigSchema } from '../../main/config';
import type { Logger } from '../../main/log';
import { type Services, createServices } from '../../main/services';
import { startConsole } from '../../main/startup';
import { tempDir } from './tempDir';

/** A logger that keeps lines in memory, so tests can assert what reaches the log. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (event: string, fields?: object) =>
    lines.push(`${level} ${event}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}

/** Real services on a real SQLite file in a temp folder, with the workstation's `config.json` given as `config`. */
export function servicesInTempDir(config: z.input<typeof MachineConfigSchema> = {}): {
  services: Services;
  dataDir: string;
  log: ReturnType<typeof memoryLogger>;
  cleanup(): void;
} {
  const temp = tempDir();
  const log = memoryLogger();
  const services = createServices({
    runtime: 'host',
    version: '0.0.0-test',
    dataDir: temp.dir,
    logDir: join(temp.dir, 'logs'),
    config: MachineConfigSchema.parse(config),
    log,
  });
  return {
    services,
    dataDir: temp.dir,
    log,
    cleanup() {
      services.close();
      temp.remove();
    },
  };
}

/** A draft as an operator would type it; override what the test is about. */
export const aDraft = (overrides: Partial<CardDraftInput> = {}): CardDraftInput => ({
  description: 'Two cars collided at the crossroads, one person injured',
  category: 'roadAccident',
  location: { lat: 51.1694, lon: 71.4491, source: 'map' },
  ...overrides,
});

/** The console started as host mode starts it (data folder lock, file log, layered configuration, store). */
export const startTestConsole = (dataDir: string) =>
  startConsole({ runtime: 'host', version: 'test', dataDir, logToConsole: false });
