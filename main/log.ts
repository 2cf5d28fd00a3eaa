import { join } from 'node:path';
import log from 'electron-log/node';

/** Fields a log line may carry: ids, counts and codes only; personal data never reaches the log. */
export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const LOG_FILE_NAME = 'console.log';

/** Writes to `<logDir>/console.log` (rotated by electron-log at 1 MB) and to the terminal. */
export function createFileLogger(logDir: string, options: { console: boolean }): Logger {
  const logger = log.create({ logId: `console:${logDir}` });
  logger.transports.file.resolvePathFn = () => join(logDir, LOG_FILE_NAME);
  logger.transports.file.maxSize = 1024 * 1024;
  logger.transports.console.level = options.console ? 'info' : false;
  const line = (event: string, fields?: LogFields) => (fields ? [event, JSON.stringify(fields)] : [event]);
  return {
    info: (event, fields) => logger.info(...line(event, fields)),
    warn: (event, fields) => logger.warn(...line(event, fields)),
    error: (event, fields) => logger.error(...line(event, fields)),
  };
}
