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
  let appealId: string;
  let clock: number;
  /** What the window says when the call's media starts recording. */
  const aStart = (call = appealId) => ({
    cardId,
    appealId: call,
    mimeType: MIME,
    startedAt: new Date(clock).toISOString(),
  });
  /** A window's recorder: a chunk each second, the last one `lastAtMs` after the start (the part's duration). */
  const recordFor = async (journal: ReturnType<typeof aJournal>, recordingId: string, lastAtMs: number) => {
    const seconds = Math.floor(lastAtMs / 1000);
    for (let i = 0; i < seconds; i++) await journal.append(recordingId, i, 1000 * (i + 1), chunk(i));
    await journal.append(recordingId, seconds, lastAtMs, chunk(seconds));
  };
  /** A part of the call recorded until `lastAtMs`, then cut: its window is gone without a finish. */
  const aCutPart = async (journal: ReturnType<typeof aJournal>, lastAtMs: number, call = appealId) => {
    const begun = await journal.begin(aStart(call));
    await recordFor(journal, begun.recordingId, lastAtMs);
    return begun;
  };

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
            callPart?: { appealId: string; part: number };
          },
      );

  beforeEach(() => {
    temp = tempDir();
    store = aConsoleStore(temp.dir);
    cardId = store.cards.saveDraft({ description: 'video call', category: null, location: null }).id;
    appealId = uuidv7();
    clock = Date.now();
  });
  afterEach(() => {
    store.db.close();
    temp.remove();
  });

  it('has each chunk on disk when append answers, and a chunk sent twice is written once', async () => {
    const journal = aJournal();
    const { recordingId } = await journal.begin(aStart());
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
    const { recordingId } = await journal.begin(aStart());
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
    const { recordingId } = await crashed.begin(aStart());
    for (let i = 0; i < 5; i++) await crashed.append(recordingId, i, 1000 * (i + 1), chunk(i));
    // The console dies here: no finish. The next start of the console:
    const next = aJournal();
    expect(await next.finishAbandoned()).toBe(1);
    expect(queued()).toEqual([expect.objectContaining({ durationMs: 5000, size: 5 * 1000 + 10 })]);
    expect(readdirSync(journalDir())).toEqual([]);
  });

  it('the start-up sweep leaves a recording of this run alone; the idle sweep finishes one whose window went away', async () => {
    const journal = aJournal();
    const { recordingId } = await journal.begin(aStart());
    await journal.append(recordingId, 0, 1000, chunk(0));
    expect(await journal.finishAbandoned()).toBe(0);
    expect(await journal.finishAbandoned(IDLE_RECORDING_MS)).toBe(0);
    clock += IDLE_RECORDING_MS + 1000;
    expect(await journal.finishAbandoned(IDLE_RECORDING_MS)).toBe(1);
    expect(queued()).toHaveLength(1);
  });

  it('drops a recording no chunk reached, and refuses chunks of a recording it does not have', async () => {
    const journal = aJournal();
    const { recordingId } = await journal.begin(aStart());
    expect(await journal.finish(recordingId)).toBeNull();
    expect(queued()).toEqual([]);
    expect(existsSync(join(journalDir(), `${recordingId}.json`))).toBe(false);
    await expect(journal.append(recordingId, 0, 1, chunk(0))).rejects.toThrow(/not being written/);
  });

  describe('a call recorded in parts, when its window is reloaded during the call (issue 13 items 5, 6)', () => {
    it('without a new part (the operator does not rejoin), the cut part waits for the idle sweep, then is queued whole', async () => {
      const journal = aJournal();
      expect((await aCutPart(journal, 4_321.7)).part).toBe(1);
      // The window is reloaded: its recorder is gone without a finish. Until the sweep, nothing is queued.
      expect(queued()).toEqual([]);
      clock += IDLE_RECORDING_MS + 1000;
      expect(await journal.finishAbandoned(IDLE_RECORDING_MS)).toBe(1);
      expect(queued()).toEqual([
        expect.objectContaining({ durationMs: 4_322, callPart: { appealId, part: 1 } }),
      ]);
    });

    it('the rejoined window’s recording is part 2, and part 1 is finished and queued at once, lasting to its last chunk', async () => {
      const journal = aJournal();
      const first = await aCutPart(journal, 4_321.7);
      clock += 6_000;
      const second = await journal.begin(aStart());
      expect(second.part).toBe(2);
      expect(queued()).toEqual([
        expect.objectContaining({ durationMs: 4_322, size: 5 * 1000 + 10, callPart: { appealId, part: 1 } }),
      ]);
      // Only the part in progress is left in the journal; a late chunk of the reloaded window is refused.
      expect(readdirSync(journalDir()).filter((n) => n.endsWith('.json'))).toEqual([
        `${second.recordingId}.json`,
      ]);
      await expect(journal.append(first.recordingId, 5, 5_000, chunk(5))).rejects.toThrow(
        /not being written/,
      );

      await recordFor(journal, second.recordingId, 2_500);
      await journal.finish(second.recordingId);
      expect(queued().map((r) => [r.callPart?.part, r.durationMs])).toEqual([
        [1, 4_322],
        [2, 2_500],
      ]);
    });

    it('a second reload makes part 3, although parts 1 and 2 have left the journal', async () => {
      const journal = aJournal();
      for (const expected of [1, 2, 3]) expect((await aCutPart(journal, 1_200)).part).toBe(expected);
      expect(queued().map((r) => r.callPart?.part)).toEqual([1, 2]);
    });

    it('leaves the recording of another call alone', async () => {
      const journal = aJournal();
      await aCutPart(journal, 1_500, uuidv7());
      expect((await journal.begin(aStart())).part).toBe(1);
      expect(queued()).toEqual([]);
    });

    it('after a crash of main (the journal is opened anew), the next start queues the cut part with its call, its number and its last chunk’s time', async () => {
      await aCutPart(aJournal(), 3_700);
      const next = aJournal();
      expect(await next.finishAbandoned()).toBe(1);
      expect(queued()).toEqual([
        expect.objectContaining({ durationMs: 3_700, callPart: { appealId, part: 1 } }),
      ]);
    });

    it('numbers after a part a crashed run left on disk, and finishes that part', async () => {
      await aCutPart(aJournal(), 2_100);
      const next = aJournal();
      expect((await next.begin(aStart())).part).toBe(2);
      expect(queued()).toEqual([expect.objectContaining({ callPart: { appealId, part: 1 } })]);
    });
  });
});
