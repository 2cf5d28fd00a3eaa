import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 binary built for this runtime (Electron in development); default: the package's own. */
  nativeBinding?: string;
}

/**
 * Opens the console's SQLite file durably: WAL, `synchronous=FULL` (a commit survives a power cut),
 * foreign keys on, and every pending migration applied.
 */
/** The console's database in its data folder. */
export const DATABASE_FILE_NAME = 'console.sqlite';

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
