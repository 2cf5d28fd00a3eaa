import { join } from 'node:path';
import log from 'electron-log/node';
import { redact } from './logRedaction';

/** Fields a log line may carry: ids, counts and codes only; personal data never reaches the log. */
export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const LOG_FILE_NAME = 'console.log';
/** electron-log renames a full console.log to console.old.log: at most twice this on disk. */
export const LOG_MAX_BYTES = 1024 * 1024;

/** One line as written: the event and its fields as JSON, both through redact() whatever a caller passed. */
export const logLine = (event: string, fields?: LogFields): string[] =>
  fields ? [redact(event), redact(JSON.stringify(fields))] : [redact(event)];

/** Writes to `<logDir>/console.log` (rotated by electron-log at 1 MB) and to the terminal. */
export function createFileLogger(logDir: string, options: { console: boolean }): Logger {
  const logger = log.create({ logId: `console:${logDir}` });
  logger.transports.file.resolvePathFn = () => join(logDir, LOG_FILE_NAME);
  logger.transports.file.maxSize = LOG_MAX_BYTES;
  logger.transports.console.level = options.console ? 'info' : false;
  return {
    info: (event, fields) => logger.info(...logLine(event, fields)),
    warn: (event, fields) => logger.warn(...logLine(event, fields)),
    error: (event, fields) => logger.error(...logLine(event, fields)),
  };
}
