import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../main/log';
import { IDLE_RECORDING_MS, createRecordingJournal } from '../../main/recordings/recordingJournal';
import { cipherOf } from '../../main/store/atRest';
import { type ConsoleStore, aConsoleStore } from '../support/consoleStore';
import { tempDir } from '../support/tempDir';

const silent: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
} as unknown as Logger;
const MIME = 'video/webm;codecs=vp8,opus';
const chunk = (n: number) => Buffer.alloc(1000 + n, n);

/** Recording a call on the operator's console (issue 13 item 6): chunk by chunk on disk, finished even after a crash. */
describe('the recording journal, on a real data folder', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: ConsoleStore;
  let cardId: string;
  let clock: number;
  const journalDir = () => join(temp.dir, 'recordings-in-progress');
  const aJournal = () =>
    createRecordingJournal({
      dir: journalDir(),
      recordings: store.recordings,
      newId: uuidv7,
      now: () => new Date(clock),
      log: silent,
    });
  const queued = () =>
    store.db
      .prepare<[], { payload: string }>(`SELECT payload FROM outbox WHERE type = 'recording.meta'`)
      .all()
      // The outbox keeps payloads sealed at rest.
      .map(
        (r) =>
          JSON.parse(cipherOf(store.db).open(r.payload)) as {
            fileId: string;
            durationMs: number;
            size: number;
          },
      );

  beforeEach(() => {
    temp = tempDir();
    store = aConsoleStore(temp.dir);
    cardId = store.cards.saveDraft({ description: 'video call', category: null, location: null }).id;
    clock = Date.now();
  });
  afterEach(() => {
    store.db.close();
    temp.remove();
  });

  it('has each chunk on disk when append answers, and a chunk sent twice is written once', async () => {
    const journal = aJournal();
    const { recordingId } = await journal.begin({
      cardId,
      mimeType: MIME,
      startedAt: new Date().toISOString(),
    });
    await journal.append(recordingId, 0, 1000, chunk(0));
    expect(readFileSync(join(journalDir(), `${recordingId}.webm`))).toEqual(chunk(0));
    await journal.append(recordingId, 1, 2000, chunk(1));
    await journal.append(recordingId, 1, 2000, chunk(1));
    expect(readFileSync(join(journalDir(), `${recordingId}.webm`))).toEqual(
      Buffer.concat([chunk(0), chunk(1)]),
    );
  });

  it('finishes into a card file queued for upload, its duration the last chunk time (WebM carries none)', async () => {
    const journal = aJournal();
    const { recordingId } = await journal.begin({
      cardId,
      mimeType: MIME,
      startedAt: new Date().toISOString(),
    });
    await Promise.all([0, 1, 2].map((i) => journal.append(recordingId, i, 1000 * (i + 1), chunk(i))));
    await journal.append(recordingId, 3, 3_456.4, chunk(3));
    const meta = await journal.finish(recordingId);
    expect(meta).toMatchObject({ durationMs: 3_456, mimeType: MIME, size: 4000 + 6 });
    expect(queued()).toEqual([expect.objectContaining({ fileId: meta?.fileId, durationMs: 3_456 })]);
    expect(store.files.list(cardId)).toEqual([
      expect.objectContaining({ kind: 'recording', id: meta?.fileId }),
    ]);
    // Nothing is left half-done in the journal.
    expect(readdirSync(journalDir())).toEqual([]);
  });

  it('after a crash, the next start finishes and queues what was written, losing only the chunks not yet sent', async () => {
    const crashed = aJournal();
    const { recordingId } = await crashed.begin({
      cardId,
      mimeType: MIME,
      startedAt: new Date().toISOString(),
    });
    for (let i = 0; i < 5; i++) await crashed.append(recordingId, i, 1000 * (i + 1), chunk(i));
    // The console dies here: no finish. The next start of the console:
    const next = aJournal();
    expect(await next.finishAbandoned()).toBe(1);
    expect(queued()).toEqual([expect.objectContaining({ durationMs: 5000, size: 5 * 1000 + 10 })]);
    expect(readdirSync(journalDir())).toEqual([]);
  });

  it('the start-up sweep leaves a recording of this run alone; the idle sweep finishes one whose window went away', async () => {
    const journal = aJournal();
    const { recordingId } = await journal.begin({
      cardId,
      mimeType: MIME,
      startedAt: new Date().toISOString(),
    });
    await journal.append(recordingId, 0, 1000, chunk(0));
    expect(await journal.finishAbandoned()).toBe(0);
    expect(await journal.finishAbandoned(IDLE_RECORDING_MS)).toBe(0);
    clock += IDLE_RECORDING_MS + 1000;
    expect(await journal.finishAbandoned(IDLE_RECORDING_MS)).toBe(1);
    expect(queued()).toHaveLength(1);
  });

  it('drops a recording no chunk reached, and refuses chunks of a recording it does not have', async () => {
    const journal = aJournal();
    const { recordingId } = await journal.begin({
      cardId,
      mimeType: MIME,
      startedAt: new Date().toISOString(),
    });
    expect(await journal.finish(recordingId)).toBeNull();
    expect(queued()).toEqual([]);
    expect(existsSync(join(journalDir(), `${recordingId}.json`))).toBe(false);
    await expect(journal.append(recordingId, 0, 1, chunk(0))).rejects.toThrow(/not being written/);
  });
});
