import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MachineConfigSchema } from '../../main/config';
import { DATABASE_FILE_NAME, createServices } from '../../main/services';
import { openDatabase } from '../../main/store/database';
import { aDraft, memoryLogger } from '../support/console';
import { tempDir } from '../support/tempDir';
import { aConsoleWithoutAccounts } from '../support/cardViewers';

const open = (dataDir: string) =>
  createServices({
    runtime: 'host',
    version: 'test',
    dataDir,
    logDir: join(dataDir, 'logs'),
    config: MachineConfigSchema.parse({}),
    log: memoryLogger(),
  });

describe('the card store on disk', () => {
  it('keeps every saved card across a close and reopen', () => {
    const temp = tempDir();
    try {
      const first = open(temp.dir);
      const saved = [
        first.cards.saveDraft(aDraft({ description: 'first' })),
        first.cards.saveDraft(aDraft({ description: 'second' })),
      ];
      first.cards.saveDraft({ ...aDraft({ description: 'first, edited' }), id: saved[0]?.id });
      first.close();

      const second = open(temp.dir);
      const cards = second.cards.list(aConsoleWithoutAccounts);
      expect(cards.map((c) => c.description).sort()).toEqual(['first, edited', 'second']);
      expect(cards.map((c) => c.localNumber).sort()).toEqual([1, 2]);
      expect(second.cards.saveDraft(aDraft()).localNumber).toBe(3);
      second.close();
    } finally {
      temp.remove();
    }
  });

  it('answers a save with the card exactly as a later read gives it back', () => {
    const temp = tempDir();
    try {
      const services = open(temp.dir);
      const created = services.cards.saveDraft(aDraft());
      expect(created).toEqual(services.cards.get(created.id));
      const edited = services.cards.saveDraft({
        ...aDraft({ description: 'edited', location: null }),
        id: created.id,
      });
      expect(edited).toEqual(services.cards.get(created.id));
      expect(edited).toMatchObject({ localNumber: 1, description: 'edited', location: null });
      services.close();
    } finally {
      temp.remove();
    }
  });

  it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', () => {
    const temp = tempDir();
    try {
      const db = openDatabase(join(temp.dir, DATABASE_FILE_NAME));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    } finally {
      temp.remove();
    }
  });
});
