import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Card } from '../../../domain/card';
import { type ConnectivityService, createConnectivity } from '../../../main/connectivity';
import type { Logger } from '../../../main/log';
import { type CardFiles, createCardFiles } from '../../../main/files/cardFiles';
import { createCardFileRepository } from '../../../main/store/cardFiles';
import { type CardRepository, createCardRepository } from '../../../main/store/cards';
import { openDatabase } from '../../../main/store/database';
import { type Outbox, createOutbox } from '../../../main/store/outbox';
import { type SyncLedger, createSyncLedger } from '../../../main/store/syncLedger';
import { type SyncService, createSync } from '../../../main/sync/syncService';

export interface SyncingConsole {
  db: Database.Database;
  cards: CardRepository;
  outbox: Outbox;
  ledger: SyncLedger;
  connectivity: ConnectivityService;
  sync: SyncService;
  changed: Card[];
  files: CardFiles;
  close(): Promise<void>;
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A console's store and sync on a real SQLite file, with test-speed backoff (the API layer adds nothing here). */
export function aSyncingConsole(dataDir: string, centralUrl: string, options: { batchSize?: number } = {}): SyncingConsole {
  const db = openDatabase(join(dataDir, 'console.sqlite'));
  const now = () => new Date();
  const outbox = createOutbox(db, { now, newId: uuidv7 });
  const cards = createCardRepository(db, { now, newId: uuidv7, outbox });
  const ledger = createSyncLedger(db, { cards, outbox });
  const connectivity = createConnectivity(now);
  const changed: Card[] = [];
  const files = createCardFiles({ dir: join(dataDir, 'files'), files: createCardFileRepository(db), newId: uuidv7, now });
  const sync = createSync({
    db,
    centralUrl,
    outbox,
    ledger,
    connectivity,
    maxOfflineAgeMs: 3_600_000,
    log: quiet,
    now,
    backoff: { baseMs: 20, capMs: 250 },
    batchSize: options.batchSize,
    files,
    onCardsChanged: (c) => changed.push(...c),
    onStatusChanged: () => undefined,
  });
  return {
    db,
    cards,
    outbox,
    ledger,
    connectivity,
    sync,
    changed,
    files,
    async close() {
      await sync.stop();
      db.close();
    },
  };
}

