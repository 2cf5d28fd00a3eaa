import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, anAppeal, aRecordingMeta } from '../../support/central/builders';
import { tempDir } from '../../support/tempDir';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { jpegImageSegments } from '../../support/photoBytes';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A well-formed JPEG: central's metadata stripping (photo privacy) takes it as it is. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8]), ...jpegImageSegments(), Buffer.from([0xff, 0xd9])]);
const RECORDING = Buffer.alloc(2048, 7);

describe('retention: attachments and card files are purged after their days (issue 11, item 14)', () => {
  let t: TestCentral;
  let files: ReturnType<typeof tempDir>;
  let operator: string;
  let attachmentUrl: string;
  let recordingId: string;

  beforeAll(async () => {
    files = tempDir('central-retention-');
    t = await startTestCentral({ attachmentsDir: files.dir, retentionDays: 30 });
    operator = await t.token('operator');
    const receipt = (
      await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ anonymous: true }) })
    ).body;
    const attached = await t.call<{ id: string }>(
      'POST',
      `/api/appeals/${receipt.id}/attachments?kind=photo&name=yard.jpg`,
      {
        raw: JPEG,
        contentType: 'application/octet-stream',
        headers: { 'x-citizen-token': receipt.citizenToken },
      },
    );
    attachmentUrl = `/api/staff/appeals/${receipt.id}/attachments/${attached.body.id}`;

    const card = aCardCreate();
    const recording = aRecordingMeta(card.cardId, {
      size: RECORDING.length,
      sha256: createHash('sha256').update(RECORDING).digest('hex'),
    });
    recordingId = (recording.payload as { fileId: string }).fileId;
    const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: operator,
      body: { operations: [card, recording] },
    });
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const declaration = {
      id: recordingId,
      cardId: card.cardId,
      kind: 'recording',
      size: RECORDING.length,
      chunkSize: RECORDING.length,
      sha256: createHash('sha256').update(RECORDING).digest('hex'),
    };
    expect((await t.call('POST', '/api/uploads', { token: operator, body: declaration })).status).toBe(200);
    const chunk = await t.call<{ complete: boolean }>('PUT', `/api/uploads/${recordingId}/chunks/0`, {
      token: operator,
      raw: RECORDING,
      contentType: 'application/octet-stream',
    });
    expect(chunk.body.complete).toBe(true);
  });
  afterAll(async () => {
    await t.close();
    await files.remove();
  });

  const recordingOnDisk = () => existsSync(join(files.dir, 'card-files', recordingId));

  it('keeps everything younger than the retention period', async () => {
    expect(await t.central.purgeExpired(new Date(Date.now() + 29 * DAY_MS))).toEqual({
      attachments: 0,
      cardFiles: 0,
    });
    expect((await t.call('GET', attachmentUrl, { token: operator })).status).toBe(200);
    expect(recordingOnDisk()).toBe(true);
  });

  it('removes the bytes once the period is over, and says the file is gone rather than failing', async () => {
    expect(await t.central.purgeExpired(new Date(Date.now() + 31 * DAY_MS))).toEqual({
      attachments: 1,
      cardFiles: 1,
    });
    expect((await t.call('GET', attachmentUrl, { token: operator })).status).toBe(410);
    expect(recordingOnDisk()).toBe(false);
    expect((await t.call('GET', `/api/uploads/${recordingId}`, { token: operator })).status).toBe(404);
    // A purge run again finds nothing left to do.
    expect(await t.central.purgeExpired(new Date(Date.now() + 32 * DAY_MS))).toEqual({
      attachments: 0,
      cardFiles: 0,
    });
  });
});

describe('CENTRAL_RETENTION_DAYS', () => {
  it('is a whole number of days', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'central/main.ts'], {
      env: { ...process.env, CENTRAL_RETENTION_DAYS: 'soon', CENTRAL_PORT: '0' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('CENTRAL_RETENTION_DAYS must be a whole number of days');
  }, 60_000);
});
