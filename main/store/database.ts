import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type FieldCipher, type KeyRing, attachCipher, createFieldCipher, newKeyRing } from './atRest';
import { type AtRestKeySource, AtRestKeyError, keyFileSource } from './atRestKeys';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 binary built for this runtime (Electron in development); default: the package's own. */
  nativeBinding?: string;
  /** Where the at-rest keys live; default: the key file beside the database (host mode's). */
  keys?: AtRestKeySource;
}

/** The console's database in its data folder. */
export const DATABASE_FILE_NAME = 'console.sqlite';

/** A known text sealed under each key that sealed rows here: opening it proves the key is the right one. */
const PROBE = 'personal data at rest';

const tableExists = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** The stored ring; a new one only for a store with nothing sealed yet (a new key never orphans sealed rows). */
function loadRing(db: Database.Database, source: AtRestKeySource): KeyRing {
  const ring = source.load();
  if (ring) return ring;
  const sealed = tableExists(db, 'at_rest_keys')
    ? db.prepare<[], { key_id: string }>('SELECT key_id FROM at_rest_keys LIMIT 1').get()
    : undefined;
  if (sealed) throw new AtRestKeyError('missing', source.where, sealed.key_id);
  const created = newKeyRing();
  source.save(created);
  return created;
}

/** Every key that sealed rows here must be in the ring and open its probe; the current key gets its probe. */
function checkKeys(db: Database.Database, cipher: FieldCipher, where: string): void {
  for (const { key_id: keyId, probe } of db
    .prepare<[], { key_id: string; probe: string }>('SELECT key_id, probe FROM at_rest_keys')
    .all()) {
    if (!cipher.hasKey(keyId)) throw new AtRestKeyError('missing', where, keyId);
    let opened: string | null = null;
    try {
      opened = cipher.open(probe);
    } catch {
      opened = null;
    }
    if (opened !== PROBE) throw new AtRestKeyError('wrong', where, keyId);
  }
  db.prepare('INSERT OR IGNORE INTO at_rest_keys (key_id, probe) VALUES (?, ?)').run(
    cipher.currentKeyId,
    cipher.seal(PROBE),
  );
}

/** The migration that sealed personal data (0190-personal-data-at-rest). */
const SEALED_SINCE = 190;

/**
 * The rows 0190 sealed were plain text before: their old bytes may sit in free pages and in the WAL. The file
 * is rewritten whole and the WAL emptied, so the plain copies go with them.
 */
function scrub(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Opens the console's SQLite file durably: WAL, `synchronous=FULL` (a commit survives a power cut),
 * foreign keys on, every pending migration applied, and the at-rest key checked against what it sealed.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const source = options.keys ?? keyFileSource(dirname(file));
    const cipher = createFieldCipher(loadRing(db, source));
    const { from, to } = migrate(db, MIGRATIONS, { cipher });
    if (from > 0 && from < SEALED_SINCE && to >= SEALED_SINCE) scrub(db);
    checkKeys(db, cipher, source.where);
    attachCipher(db, cipher);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
