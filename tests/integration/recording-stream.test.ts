import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../../central/db/database';
import { createCentralClient } from '../../main/central/client';
import { createRecordingPlayer, type RecordingPlayer } from '../../main/recordings/recordingPlayer';
import { FIRST_PIECE_BYTES, RECORDING_PIECE_BYTES } from '../../domain/files/recordingPlay';
import { UPLOAD_LIMITS } from '../../domain/files/upload';
import type { SyncOpResult } from '../../domain/sync/sync';
import { aCardCreate, aFilledCard, aRecordingMeta, PLACES } from '../support/central/builders';
import { startTestCentral, type TestCentral } from '../support/central/central';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON, postgresReachable } from '../support/central/postgres';

/** Longer than two of the pieces the player fetches, and not a whole number of them. */
const RECORDING = randomBytes(2 * RECORDING_PIECE_BYTES + 123_457);

/**
 * Issue 13 item 6: main plays a recording from the real central piece by piece (HTTP Range), holding one piece
 * ahead, never the whole file; central audits the play once, at its first piece.
 */
describe.skipIf(!postgresReachable)('playing a recording piece by piece from central', () => {
  let t: TestCentral;
  let pg: { url: string; drop(): Promise<void> };
  let db: Database;
  let fileId: string;
  let player: RecordingPlayer;

  const plays = async () =>
    (
      await db.query<{ n: string }>(
        `select count(*)::text as n from audit_log where action = 'recording.read' and subject_id = $1`,
        [fileId],
      )
    )[0]?.n;

  beforeAll(async () => {
    pg = await freshPostgresDatabase();
    t = await startTestCentral({ databaseUrl: pg.url });
    db = await openPostgres(pg.url);
    const operator = await t.token('operator');
    const create = aCardCreate(aFilledCard({ location: { ...PLACES.almatyCentre, source: 'map' } }));
    const sha256 = createHash('sha256').update(RECORDING).digest('hex');
    const meta = aRecordingMeta(create.cardId, { size: RECORDING.length, sha256 });
    fileId = (meta.payload as { fileId: string }).fileId;
    const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: operator,
      body: { operations: [create, meta] },
    });
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const chunkSize = UPLOAD_LIMITS.chunkMax;
    const declaration = {
      id: fileId,
      cardId: create.cardId,
      kind: 'recording',
      size: RECORDING.length,
      chunkSize,
      sha256,
    };
    expect((await t.call('POST', '/api/uploads', { token: operator, body: declaration })).status).toBe(200);
    for (let i = 0; i * chunkSize < RECORDING.length; i++)
      await t.call('PUT', `/api/uploads/${fileId}/chunks/${i}`, {
        token: operator,
        raw: RECORDING.subarray(i * chunkSize, (i + 1) * chunkSize),
        contentType: 'application/octet-stream',
      });
    const supervisor = await t.token('supervisor');
    const central = createCentralClient(t.url).signedIn({
      accessToken: async () => supervisor,
      refused() {},
    });
    player = createRecordingPlayer({ central: () => central });
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await t?.close();
    await pg?.drop();
  });

  it('gives the recording in bounded pieces that make the whole file, and audits the play once', async () => {
    const before = Number(await plays());
    expect(await player.open(fileId)).toEqual({
      ok: true,
      size: RECORDING.length,
      contentType: 'video/webm;codecs=vp8,opus',
    });
    const pieces: Buffer[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const piece = await player.read(fileId, offset);
      if (!piece?.ok) throw new Error(`no piece at ${offset}: ${JSON.stringify(piece)}`);
      expect(piece.bytes.length).toBeLessThanOrEqual(RECORDING_PIECE_BYTES);
      pieces.push(piece.bytes);
      offset = piece.next;
    }
    // A small first piece for a quick picture, then each as long as what came before, up to the most one carries.
    const first = FIRST_PIECE_BYTES;
    expect(pieces.map((p) => p.length)).toEqual([first, first, 2 * first, 4 * first, 8 * first, 123_457]);
    expect(8 * first).toBe(RECORDING_PIECE_BYTES);
    expect(Buffer.concat(pieces).equals(RECORDING)).toBe(true);
    // Six parts fetched (each asked for as the one before was read): one play, one entry with who and when.
    expect(Number(await plays())).toBe(before + 1);
    // Playing it again is another play.
    expect((await player.open(fileId)).ok).toBe(true);
    expect(Number(await plays())).toBe(before + 2);
  });

  it('winds within the recording: a piece from any offset, then on from there', async () => {
    expect((await player.open(fileId)).ok).toBe(true);
    const offset = RECORDING_PIECE_BYTES + 1000;
    const piece = await player.read(fileId, offset);
    expect(piece).toMatchObject({ ok: true, next: offset + RECORDING_PIECE_BYTES });
    expect(piece?.ok && piece.bytes.equals(RECORDING.subarray(offset, offset + RECORDING_PIECE_BYTES))).toBe(
      true,
    );
  });

  it('answers nothing for a recording not being played, an offset past its end, or after the player closed', async () => {
    expect((await player.open(fileId)).ok).toBe(true);
    expect(await player.read('0190f1d2-0000-7000-8000-000000000000', 0)).toBeNull();
    expect(await player.read(fileId, RECORDING.length)).toBeNull();
    player.close();
    expect(await player.read(fileId, 0)).toBeNull();
  });

  it("passes central's refusal on: a role that may not play recordings", async () => {
    const operator = await t.token('operator');
    const central = createCentralClient(t.url).signedIn({ accessToken: async () => operator, refused() {} });
    const refused = await createRecordingPlayer({ central: () => central }).open(fileId);
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'role.forbidden' } });
  });
});

if (!postgresReachable) console.warn(POSTGRES_SKIP_REASON);
