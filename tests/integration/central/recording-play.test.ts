import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ONE_READ_MS } from '../../../central/http/auditedFile';
import { verifyAuditChain } from '../../../central/audit/verifyChain';
import { type Database, openPostgres } from '../../../central/db/database';
import type { CardRecording } from '../../../domain/files/recording';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, aRecordingMeta, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { loginAs } from '../../support/central/client';
import {
  freshPostgresDatabase,
  POSTGRES_SKIP_REASON,
  postgresReachable,
} from '../../support/central/postgres';
import { tempDir } from '../../support/tempDir';

const DAY_MS = 86_400_000;
const RECORDING = Buffer.alloc(3000, 9);
const SHA = createHash('sha256').update(RECORDING).digest('hex');

/** §17: supervisors and the head play a card's recordings, each play audited; other roles never see them. */
describe.skipIf(!postgresReachable)('playing call recordings (§17)', () => {
  let t: TestCentral;
  let pg: { url: string; drop(): Promise<void> };
  let db: Database;
  let files: ReturnType<typeof tempDir>;
  let cardId: string;
  let fileId: string;
  let pendingId: string;

  async function upload(token: string, id: string, card: string): Promise<void> {
    const declaration = {
      id,
      cardId: card,
      kind: 'recording',
      size: RECORDING.length,
      chunkSize: 4096,
      sha256: SHA,
    };
    expect((await t.call('POST', '/api/uploads', { token, body: declaration })).status).toBe(200);
    const chunk = await t.call<{ complete: boolean }>('PUT', `/api/uploads/${id}/chunks/0`, {
      token,
      raw: RECORDING,
      contentType: 'application/octet-stream',
    });
    expect(chunk.body.complete).toBe(true);
  }
  const play = (token: string, id = fileId) =>
    fetch(`${t.url}/api/recordings/${id}`, { headers: { authorization: `Bearer ${token}` } });
  const listed = async (login: string) =>
    (
      await t.call<{ recordings: CardRecording[] }>('GET', `/api/cards/${cardId}/recordings`, {
        token: await t.token(login),
      })
    ).body.recordings.map((r) => r.fileId);
  const reads = () =>
    db.query<{ account_id: string; subject_id: string; reason: string }>(
      `select account_id::text, subject_id, reason from audit_log where action = 'recording.read' order by id`,
    );

  beforeAll(async () => {
    pg = await freshPostgresDatabase();
    files = tempDir('central-recording-play-');
    t = await startTestCentral({ databaseUrl: pg.url, attachmentsDir: files.dir, retentionDays: 30 });
    db = await openPostgres(pg.url);
    const operator = await t.token('operator');
    const create = aCardCreate(aFilledCard({ location: { ...PLACES.almatyCentre, source: 'map' } }));
    cardId = create.cardId;
    const meta = aRecordingMeta(cardId, { size: RECORDING.length, sha256: SHA, durationMs: 12_345 });
    const pending = aRecordingMeta(cardId, { size: RECORDING.length, sha256: SHA });
    fileId = (meta.payload as { fileId: string }).fileId;
    pendingId = (pending.payload as { fileId: string }).fileId;
    const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: operator,
      body: { operations: [create, meta, pending] },
    });
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await upload(operator, fileId, cardId);
  });
  afterAll(async () => {
    await db?.close();
    await t?.close();
    await pg?.drop();
    await files?.remove();
  });

  it('lists the recordings for the supervisor and the head, and for no other role', async () => {
    expect(await listed('supervisor')).toEqual(expect.arrayContaining([fileId, pendingId]));
    expect(await listed('head')).toContain(fileId);
    // The operator who made the card and the inspector read it, but are not told a recording exists.
    for (const login of ['operator', 'inspector']) expect(await listed(login)).toEqual([]);
  });

  it('plays the bytes to a supervisor and writes who and which to the hash-chained audit log first', async () => {
    const before = (await reads()).length;
    const answer = await play(await t.token('supervisor'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('video/webm;codecs=vp8,opus');
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(RECORDING);
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    const [supervisorId] = (
      await db.query<{ id: string }>(`select id::text from accounts where login = 'supervisor'`)
    ).map((r) => r.id);
    expect(after.at(-1)).toEqual({
      account_id: supervisorId,
      subject_id: fileId,
      reason: 'GET /api/recordings/:id',
    });
    // A second play is a second entry: every play, not every recording.
    expect((await play(await t.token('head'))).status).toBe(200);
    expect(await reads()).toHaveLength(before + 2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('streams a recording in parts (HTTP Range): each part as asked, one audited play for them all', async () => {
    const token = await t.token('supervisor');
    const part = (range: string) =>
      fetch(`${t.url}/api/recordings/${fileId}`, { headers: { authorization: `Bearer ${token}`, range } });
    const before = (await reads()).length;
    const first = await part('bytes=0-999');
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-999/${RECORDING.length}`);
    expect(first.headers.get('accept-ranges')).toBe('bytes');
    const rest = await part('bytes=1000-');
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 1000-2999/${RECORDING.length}`);
    const bytes = Buffer.concat([
      Buffer.from(await first.arrayBuffer()),
      Buffer.from(await rest.arrayBuffer()),
    ]);
    expect(bytes).toEqual(RECORDING);
    // The play began at its first part: that is its one entry; the parts after it are the same play.
    expect(await reads()).toHaveLength(before + 1);
    const beyond = await part(`bytes=${RECORDING.length}-`);
    expect(beyond.status).toBe(416);
    expect(await beyond.json()).toMatchObject({ code: 'request.malformed' });
    expect(await reads()).toHaveLength(before + 1);
  });

  it('keeps a long play one entry while its parts keep coming, and audits a part that comes after a long pause', async () => {
    const part = (token: string, range: string) =>
      fetch(`${t.url}/api/recordings/${fileId}`, { headers: { authorization: `Bearer ${token}`, range } });
    const step = (ONE_READ_MS * 3) / 5;
    const before = (await reads()).length;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      // A supervisor watching a long call: a part every six minutes, twelve minutes in all.
      const token = await loginAs(t.call, 'supervisor');
      for (const [i, range] of ['bytes=0-99', 'bytes=100-199', 'bytes=200-299'].entries()) {
        if (i > 0) vi.advanceTimersByTime(step);
        expect((await part(token, range)).status).toBe(206);
      }
      expect(await reads()).toHaveLength(before + 1);
      // Paused past the window, then on from where it was: that part is read again, and audited again.
      vi.advanceTimersByTime(ONE_READ_MS + 1000);
      expect((await part(await loginAs(t.call, 'supervisor'), 'bytes=300-399')).status).toBe(206);
      expect(await reads()).toHaveLength(before + 2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses every other role by its role, and audits nothing', async () => {
    const before = (await reads()).length;
    for (const login of ['operator', 'inspector', 'duty', 'employee', 'admin']) {
      const answer = await play(await t.token(login));
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({
        code: 'role.forbidden',
        params: { action: 'recordings.play' },
      });
    }
    expect(await reads()).toHaveLength(before);
  });

  it('answers a recording whose bytes have not arrived yet, or an unknown one, as not found', async () => {
    const supervisor = await t.token('supervisor');
    expect((await play(supervisor, pendingId)).status).toBe(404);
    expect((await play(supervisor, '0190f1d2-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('neither lists nor plays a recording past retention', async () => {
    await t.central.purgeExpired(new Date(Date.now() + 31 * DAY_MS));
    expect(await listed('supervisor')).not.toContain(fileId);
    const answer = await play(await t.token('supervisor'));
    expect(answer.status).toBe(410);
    expect(await answer.json()).toMatchObject({ code: 'attachment.purged' });
  });
});

if (!postgresReachable) console.warn(POSTGRES_SKIP_REASON);
