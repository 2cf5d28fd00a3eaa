import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Card } from '../../../domain/cards/card';
import { type ConnectivityService, createConnectivity } from '../../../main/connectivity';
import { createEventBus } from '../../../main/events';
import type { Logger } from '../../../main/log';
import { type CardFiles, createCardFiles } from '../../../main/files/cardFiles';
import { type RecordingService, createRecordingService } from '../../../main/recordings/recordingService';
import { createCardFileRepository } from '../../../main/store/cardFiles';
import { type CardRepository, createCardRepository } from '../../../main/store/cards';
import { type ChatRepository, createChatRepository } from '../../../main/store/chat';
import { openDatabase } from '../../../main/store/database';
import { createChangeNotifier } from '../../../main/store/changeNotifier';
import { type Outbox, createOutbox } from '../../../main/store/outbox';
import { createRecordingRepository } from '../../../main/store/recordings';
import { type SyncLedger, createSyncLedger } from '../../../main/store/syncLedger';
import { type SyncService, createSync } from '../../../main/sync/syncService';

export interface SyncingConsole {
  db: Database.Database;
  cards: CardRepository;
  chat: ChatRepository;
  recordings: RecordingService;
  outbox: Outbox;
  ledger: SyncLedger;
  connectivity: ConnectivityService;
  sync: SyncService;
  changed: Card[];
  /** Appeals whose chat changed, in the order the engine said so. */
  chatChanged: string[];
  files: CardFiles;
  close(): Promise<void>;
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A console's store and sync on a real SQLite file, with test-speed backoff (the API layer adds nothing here). */
export function aSyncingConsole(
  dataDir: string,
  centralUrl: string,
  options: { batchSize?: number } = {},
): SyncingConsole {
  const db = openDatabase(join(dataDir, 'console.sqlite'));
  const now = () => new Date();
  const changes = createChangeNotifier();
  const outbox = createOutbox(db, { now, newId: uuidv7, changes });
  const cards = createCardRepository(db, { now, newId: uuidv7, outbox, changes });
  const chat = createChatRepository(db, { now, cards, outbox });
  const ledger = createSyncLedger(db, { cards, outbox, chat });
  const connectivity = createConnectivity(now);
  const changed: Card[] = [];
  const chatChanged: string[] = [];
  const fileRepository = createCardFileRepository(db);
  const files = createCardFiles({
    dir: join(dataDir, 'files'),
    files: fileRepository,
    newId: uuidv7,
    now,
    changes,
  });
  // What the engine tells the windows, as they would hear it.
  const events = createEventBus();
  events.subscribe((event, payload) => {
    if (event === 'cards.changed') changed.push((payload as { card: Card }).card);
    if (event === 'chat.changed') chatChanged.push((payload as { appealId: string }).appealId);
  });
  const recordings = createRecordingService({
    files,
    recordings: createRecordingRepository(db, { now, outbox, files: fileRepository }),
  });
  const sync = createSync({
    db,
    centralUrl,
    outbox,
    ledger,
    changes,
    connectivity,
    events,
    statusChanged: () => undefined,
    maxOfflineAgeMs: 3_600_000,
    log: quiet,
    now,
    backoff: { baseMs: 20, capMs: 250 },
    batchSize: options.batchSize,
    files: { cardFiles: files, repository: fileRepository },
  });
  return {
    db,
    cards,
    chat,
    recordings,
    outbox,
    ledger,
    connectivity,
    sync,
    changed,
    chatChanged,
    files,
    async close() {
      await sync.stop();
      db.close();
    },
  };
}
