import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central/server';
import { CHUNK_SIZE } from '../../main/files/cardFiles';
import { tempDir } from '../support/tempDir';
import { aConsoleBehindProxy } from '../support/sync/consoleBehindProxy';
import { aSyncingConsole } from '../support/sync/testConsole';

/** A photo-sized JPEG: the real header, then 3 MB of camera-noise bytes. */
const aPhoto = (): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3 * 1024 * 1024 + 12_345)]);

describe('card files', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('upload a photo after its card and, when the link is cut mid-upload, resume at the next missing chunk', async () => {
    const { proxy, desk, attachmentsDir } = await aConsoleBehindProxy(cleanups);
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);

    const requests: string[] = [];
    let chunkPuts = 0;
    let seenWhileSending: unknown = null;
    const card = desk.cards.saveDraft({
      description: 'photo of the damaged car',
      category: 'roadAccident',
      location: null,
    });
    proxy.onRequest = (line) => {
      requests.push(line);
      if (!line.startsWith('PUT /api/uploads/')) return 'pass';
      chunkPuts++;
      // As the third chunk goes out, the operator sees the two before it counted.
      if (chunkPuts === 3) seenWhileSending = desk.files.list(card.id)[0]?.upload;
      // The sixth chunk never arrives: the link drops as it is sent.
      return chunkPuts === 6 ? 'cut' : 'pass';
    };
    const photo = aPhoto();
    const { id: fileId } = await desk.files.attach({
      cardId: card.id,
      kind: 'photo',
      name: 'photo.jpg',
      contentType: 'image/jpeg',
      bytes: photo,
    });
    desk.sync.syncNow();
    await desk.sync.engine.idle();

    const stored = readFileSync(join(attachmentsDir, 'card-files', fileId));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(
      createHash('sha256').update(photo).digest('hex'),
    );
    const chunks = Math.ceil(photo.length / CHUNK_SIZE);
    expect(seenWhileSending).toEqual({ state: 'uploading', percent: Math.floor((2 * 100) / chunks) });
    const sentIndexes = requests
      .filter((l) => l.startsWith('PUT /api/uploads/'))
      .map((l) => Number(/chunks\/(\d+)/.exec(l)?.[1]));
    // Every chunk once, and the one cut mid-way once more: the upload resumed, it did not restart.
    expect(sentIndexes).toEqual([0, 1, 2, 3, 4, 5, ...Array.from({ length: chunks - 5 }, (_, i) => i + 5)]);
    // The card reached central before its file did.
    const firstPush = requests.findIndex((l) => l.startsWith('POST /api/sync/push'));
    const firstUpload = requests.findIndex((l) => l.startsWith('POST /api/uploads'));
    expect(firstPush).toBeGreaterThanOrEqual(0);
    expect(firstUpload).toBeGreaterThan(firstPush);
    expect(desk.files.list(card.id)).toMatchObject([
      { id: fileId, name: 'photo.jpg', upload: { state: 'uploaded' } },
    ]);
  }, 60_000);

  it('a photo central refuses, or one gone from the data folder, does not hold back the photos after it', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const attachmentsDir = join(temp.dir, 'central-attachments');
    const central = await startCentral({ port: 0, demo: true, attachmentsDir });
    cleanups.push(() => central.close());
    const desk = aSyncingConsole(temp.dir, central.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    const card = desk.cards.saveDraft({
      description: 'three photos of the yard',
      category: 'otherOffence',
      location: null,
    });
    const attach = (name: string) =>
      desk.files.attach({ cardId: card.id, kind: 'photo', name, contentType: 'image/jpeg', bytes: aPhoto() });
    const damaged = await attach('damaged.jpg');
    const gone = await attach('gone.jpg');
    const good = await attach('good.jpg');
    // Bytes changed after the checksum was taken: central assembles the file and refuses it (422).
    writeFileSync(join(temp.dir, 'files', damaged.id), Buffer.alloc(damaged.size, 9));
    rmSync(join(temp.dir, 'files', gone.id));

    desk.sync.syncNow();
    await desk.sync.engine.idle();

    expect(desk.files.list(card.id).map((f) => [f.name, f.upload])).toEqual([
      ['damaged.jpg', { state: 'failed', reason: 'refused' }],
      ['gone.jpg', { state: 'failed', reason: 'missing' }],
      ['good.jpg', { state: 'uploaded' }],
    ]);
    expect(existsSync(join(attachmentsDir, 'card-files', good.id))).toBe(true);
    expect(existsSync(join(attachmentsDir, 'card-files', damaged.id))).toBe(false);
  }, 60_000);
});
