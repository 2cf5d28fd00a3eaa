import type Database from 'better-sqlite3';
import type { FieldCipher } from './atRest';

/** What a migration may need beyond the database: the at-rest cipher, to seal rows written before 0190. */
export interface MigrationContext {
  /** Absent only where no key was given (tests of the schema alone): a migration that must seal then refuses rows. */
  cipher?: FieldCipher;
}

/** One numbered schema change; numbers go in steps of 10 so a fix can slot in between. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database, context: MigrationContext): void;
}
