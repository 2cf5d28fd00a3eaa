import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncOperationSchema } from '../../domain/sync/sync';
import type { FinishedRecording } from '../../main/recordings/recordingService';
import { type ConsoleStore, aConsoleStore } from '../support/consoleStore';
import { tempDir } from '../support/tempDir';

describe('registering a call recording, on a real SQLite file', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: ConsoleStore;
  let source: string;
  let bytes: Buffer;
  let cardId: string;
  const fileRows = () =>
    store.db
      .prepare<[], { id: string; card_id: string; kind: string; size: number; sha256: string }>(
        'SELECT id, card_id, kind, size, sha256 FROM card_files',
      )
      .all();
  const recordingOps = () =>
    store.db.prepare<[], { id: string }>(`SELECT id FROM outbox WHERE type = 'recording.meta'`).all();
  const keptFiles = () => (existsSync(join(temp.dir, 'files')) ? readdirSync(join(temp.dir, 'files')) : []);
  const aRecording = (overrides: Partial<FinishedRecording> = {}): FinishedRecording => ({
    cardId,
    source,
    startedAt: new Date('2026-03-01T10:00:00.000Z'),
    durationMs: 95_000,
    mimeType: 'video/webm;codecs=vp8,opus',
    ...overrides,
  });

  beforeEach(() => {
    temp = tempDir();
    store = aConsoleStore(temp.dir);
    // A recording larger than one upload chunk, so the streamed hash spans several reads.
    bytes = randomBytes(700 * 1024);
    source = join(temp.dir, 'call.webm');
    writeFileSync(source, bytes);
    cardId = store.cards.saveDraft({ description: 'video call', category: null, location: null }).id;
  });
  afterEach(() => {
    store.db.close();
    temp.remove();
  });

  it('writes the card file and its recording.meta operation together, with the size and hash of the bytes', async () => {
    const meta = await store.recordings.register(aRecording());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(meta).toEqual({
      fileId: expect.any(String),
      kind: 'call',
      startedAt: '2026-03-01T10:00:00.000Z',
      durationMs: 95_000,
      mimeType: 'video/webm;codecs=vp8,opus',
      size: bytes.length,
      sha256,
    });
    expect(fileRows()).toEqual([
      { id: meta.fileId, card_id: cardId, kind: 'recording', size: bytes.length, sha256 },
    ]);
    expect(readFileSync(join(temp.dir, 'files', meta.fileId)).equals(bytes)).toBe(true);
    const ops = store.outbox.takeBatch(10).map((op) => SyncOperationSchema.parse(op));
    expect(ops.map((op) => op.type)).toEqual(['card.create', 'recording.meta']);
    expect(ops[1]).toMatchObject({ cardId, payload: meta });
  });

  it('leaves neither the file row nor the operation, nor the copy, when the operation cannot be written', async () => {
    store.db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    await expect(store.recordings.register(aRecording())).rejects.toThrow('disk full');
    expect(fileRows()).toEqual([]);
    expect(recordingOps()).toEqual([]);
    expect(keptFiles()).toEqual([]);
  });

  it('leaves nothing for a card this console does not have', async () => {
    await expect(store.recordings.register(aRecording({ cardId: uuidv7() }))).rejects.toThrow(/FOREIGN KEY/);
    expect(fileRows()).toEqual([]);
    expect(recordingOps()).toEqual([]);
    expect(keptFiles()).toEqual([]);
  });

  it('refuses metadata that is not a recording, and leaves nothing', async () => {
    await expect(store.recordings.register(aRecording({ mimeType: 'text/html' }))).rejects.toThrow();
    await expect(store.recordings.register(aRecording({ durationMs: -1 }))).rejects.toThrow();
    expect(fileRows()).toEqual([]);
    expect(recordingOps()).toEqual([]);
    expect(keptFiles()).toEqual([]);
  });

  it('uploads the recording only after central has its card', async () => {
    const meta = await store.recordings.register(aRecording());
    expect(store.fileRepository.ready(10)).toEqual([]);
    const batch = store.outbox.takeBatch(10);
    store.outbox.markSent(batch.filter((op) => op.type === 'card.create'));
    expect(store.fileRepository.ready(10).map((f) => [f.id, f.kind])).toEqual([[meta.fileId, 'recording']]);
  });
});
