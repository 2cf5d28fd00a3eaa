import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileRetention } from '../../main/retention/fileRetention';
import { type ConsoleStore, aConsoleStore } from '../support/consoleStore';
import { tempDir } from '../support/tempDir';

const DAY_MS = 86_400_000;
const aJpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2044, 7)]);

/** Retention on the console (issue 11, item 14), on a real SQLite file and real files, with an injected clock. */
describe("the console's retention of card files", () => {
  let temp: ReturnType<typeof tempDir>;
  let store: ConsoleStore;
  beforeEach(() => {
    temp = tempDir('console-retention-');
    store = aConsoleStore(temp.dir);
  });
  afterEach(() => {
    store.db.close();
    temp.remove();
  });

  async function aFile(uploaded: boolean) {
    const card = store.cards.saveDraft({
      description: 'a photo of the yard',
      category: null,
      location: null,
    });
    const file = await store.files.attach({
      cardId: card.id,
      kind: 'photo',
      name: 'yard.jpg',
      contentType: 'image/jpeg',
      bytes: aJpeg(),
    });
    if (uploaded) store.fileRepository.progressed(file.id, 1, true);
    return file;
  }
  const onDisk = (id: string) => existsSync(join(temp.dir, 'files', id));
  const retention = (purgedCards: string[] = []) =>
    createFileRetention({
      files: store.fileRepository,
      cardFiles: store.files,
      retentionDays: 30,
      now: () => new Date(),
      onPurged: (cardId) => purgedCards.push(cardId),
    });

  it('keeps every file younger than the retention period', async () => {
    const file = await aFile(true);
    expect(await retention().purgeExpired(new Date(Date.parse(file.createdAt) + 29 * DAY_MS))).toBe(0);
    expect(onDisk(file.id)).toBe(true);
    expect(store.files.list(file.cardId)[0]?.upload).toEqual({ state: 'uploaded' });
  });

  it('removes the bytes of an uploaded file once the period is over, and the card says so', async () => {
    const file = await aFile(true);
    const purgedCards: string[] = [];
    const later = new Date(Date.parse(file.createdAt) + 31 * DAY_MS);
    expect(await retention(purgedCards).purgeExpired(later)).toBe(1);
    expect(onDisk(file.id)).toBe(false);
    expect(store.files.list(file.cardId)[0]?.upload).toEqual({ state: 'purged' });
    expect(await store.files.read(file.id)).toBeNull();
    expect(purgedCards).toEqual([file.cardId]);
    expect(await retention().purgeExpired(later)).toBe(0);
  });

  it('keeps a file central does not have yet, and removes it at the first purge after its upload', async () => {
    const file = await aFile(false);
    const later = new Date(Date.parse(file.createdAt) + 45 * DAY_MS);
    expect(await retention().purgeExpired(later)).toBe(0);
    expect(onDisk(file.id)).toBe(true);
    store.fileRepository.progressed(file.id, 1, true);
    expect(await retention().purgeExpired(later)).toBe(1);
    expect(onDisk(file.id)).toBe(false);
  });

  it('survives a restart: the mark is in the database, so the file is not purged twice', async () => {
    const file = await aFile(true);
    const later = new Date(Date.parse(file.createdAt) + 31 * DAY_MS);
    await retention().purgeExpired(later);
    store.db.close();
    store = aConsoleStore(temp.dir);
    expect(store.files.list(file.cardId)[0]?.upload).toEqual({ state: 'purged' });
    expect(await retention().purgeExpired(later)).toBe(0);
  });
});
