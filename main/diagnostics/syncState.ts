import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { SyncStatus } from '../../domain/sync/syncStatus';
import { createCardRepository } from '../store/cards';
import { createChatRepository } from '../store/chat';
import type { AtRestKeySource } from '../store/atRestKeys';
import { DATABASE_FILE_NAME, openDatabase } from '../store/database';
import { createOutbox } from '../store/outbox';
import { createSyncLedger } from '../store/syncLedger';

/**
 * The outbox's state read straight from the data folder's database, for the command line (the console
 * itself may be running: SQLite's WAL lets this reader in beside it). Null without a database.
 */
export function readSyncState(dataDir: string, keys?: AtRestKeySource): SyncStatus | null {
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(file)) return null;
  const db = openDatabase(file, keys ? { keys } : {});
  try {
    const now = () => new Date();
    const outbox = createOutbox(db, { now, newId: uuidv7 });
    const cards = createCardRepository(db, { now, newId: uuidv7, outbox });
    const chat = createChatRepository(db, { now, cards, outbox });
    return createSyncLedger(db, { cards, outbox, chat }).status();
  } finally {
    db.close();
  }
}
