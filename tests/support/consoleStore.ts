import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Card } from '../../domain/cards/card';
import { type CardFiles, createCardFiles } from '../../main/files/cardFiles';
import { type RecordingService, createRecordingService } from '../../main/recordings/recordingService';
import { type CardFileRepository, createCardFileRepository } from '../../main/store/cardFiles';
import { type CardRepository, createCardRepository } from '../../main/store/cards';
import { type ChatRepository, createChatRepository } from '../../main/store/chat';
import { openDatabase } from '../../main/store/database';
import { type Outbox, createOutbox } from '../../main/store/outbox';
import { createRecordingRepository } from '../../main/store/recordings';
import { type SyncLedger, createSyncLedger } from '../../main/store/syncLedger';

export interface ConsoleStore {
  db: Database.Database;
  outbox: Outbox;
  cards: CardRepository;
  chat: ChatRepository;
  ledger: SyncLedger;
  fileRepository: CardFileRepository;
  files: CardFiles;
  recordings: RecordingService;
}

/** The console's store on a real SQLite file in `dataDir`, wired as main/services.ts wires it. */
export function aConsoleStore(dataDir: string): ConsoleStore {
  const now = () => new Date();
  const db = openDatabase(join(dataDir, 'console.sqlite'));
  const outbox = createOutbox(db, { now, newId: uuidv7 });
  const cards = createCardRepository(db, { now, newId: uuidv7, outbox });
  const chat = createChatRepository(db, { now, cards, outbox });
  const ledger = createSyncLedger(db, { cards, outbox, chat });
  const fileRepository = createCardFileRepository(db);
  const files = createCardFiles({ dir: join(dataDir, 'files'), files: fileRepository, newId: uuidv7, now });
  const recordings = createRecordingService({
    files,
    recordings: createRecordingRepository(db, { now, outbox, files: fileRepository }),
  });
  return { db, outbox, cards, chat, ledger, fileRepository, files, recordings };
}

/** A card as central's feed sends it: numbered, in a department, and here answering a citizen's appeal. */
export function aCentralCard(overrides: Partial<Card> = {}): Card {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    localNumber: 7,
    status: 'draft',
    description: 'Шум и драка во дворе',
    category: 'otherOffence',
    location: { lat: 43.2567, lon: 76.9286, source: 'device' },
    createdAt: at,
    updatedAt: at,
    number: 'ALA-2026-000007',
    departmentId: 'kz-almaty',
    appealId: uuidv7(),
    version: 1,
    ...overrides,
  };
}
