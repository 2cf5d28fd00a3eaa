import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt, AppealStaffView } from '../../../domain/appeals/appeal';
import { aJpegWithMetadata, GPS_LATITUDE, PLANTED, rationalBytes } from '../../support/photoBytes';
import { anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(() => t.close());

async function appealWithPhoto(anonymous: boolean, name: string, bytes: Buffer) {
  const receipt = (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ anonymous }) }))
    .body;
  const posted = await t.call<{ id: string; name: string; bytes: number }>(
    'POST',
    `/api/appeals/${receipt.id}/attachments?kind=photo&name=${encodeURIComponent(name)}`,
    { raw: bytes, contentType: 'image/jpeg', headers: { 'x-citizen-token': receipt.citizenToken } },
  );
  return { receipt, posted };
}

async function staffDownload(appealId: string, attachmentId: string): Promise<Buffer> {
  const file = await fetch(`${t.url}/api/staff/appeals/${appealId}/attachments/${attachmentId}`, {
    headers: { authorization: `Bearer ${await t.token('operator')}` },
  });
  expect(file.status).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

describe("a citizen's photo reaches staff without metadata (issue 11 item 9)", () => {
  it('an anonymous appeal: no EXIF author, device or GPS, and no original file name', async () => {
    const original = aJpegWithMetadata();
    const { receipt, posted } = await appealWithPhoto(true, 'IMG_Aigerim_Saparova.jpg', original);
    expect(posted.status).toBe(201);
    expect(posted.body.name).toBe('photo-1.jpg');
    const stored = await staffDownload(receipt.id, posted.body.id);
    expect(stored.length).toBe(posted.body.bytes);
    expect(stored.length).toBeLessThan(original.length);
    for (const secret of Object.values(PLANTED)) expect(stored.toString('latin1')).not.toContain(secret);
    expect(stored.includes(rationalBytes(GPS_LATITUDE))).toBe(false);

    const view = await t.call<AppealStaffView>('GET', `/api/staff/appeals/${receipt.id}`, {
      token: await t.token('operator'),
    });
    expect(JSON.stringify(view.body)).not.toContain('Aigerim');
  });

  it('an appeal with a named applicant keeps the file name but not the metadata', async () => {
    const { receipt, posted } = await appealWithPhoto(false, 'двор.jpg', aJpegWithMetadata());
    expect(posted.body.name).toBe('двор.jpg');
    const stored = await staffDownload(receipt.id, posted.body.id);
    expect(stored.toString('latin1')).not.toContain(PLANTED.author);
  });

  it('refuses a photo too damaged to strip', async () => {
    const { posted } = await appealWithPhoto(true, 'x.jpg', aJpegWithMetadata().subarray(0, 60));
    expect(posted).toMatchObject({ status: 415, body: { code: 'attachment.unreadable' } });
  });
});
