import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt, Attachment } from '../../../domain/appeals/appeal';
import { PLACES, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { aJpegWithMetadata } from '../../support/photoBytes';

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(() => t.close());

async function appealWithPhoto(place: { lat: number; lon: number }) {
  const receipt = (
    await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ location: place }) })
  ).body;
  const posted = await t.call<Attachment>(
    'POST',
    `/api/appeals/${receipt.id}/attachments?kind=photo&name=${encodeURIComponent('двор.jpg')}`,
    {
      raw: aJpegWithMetadata(),
      contentType: 'image/jpeg',
      headers: { 'x-citizen-token': receipt.citizenToken },
    },
  );
  expect(posted.status).toBe(201);
  return { receipt, attachment: posted.body };
}

const listOf = async (appealId: string, login: string) =>
  t.call<{ attachments: Attachment[] }>('GET', `/api/staff/appeals/${appealId}/attachments`, {
    token: await t.token(login),
  });

describe("an appeal's attachments as the console lists them (issue 12, item 1)", () => {
  it('lists the names, kinds and sizes for an operator of the territory', async () => {
    const { receipt, attachment } = await appealWithPhoto(PLACES.almatyCentre);
    const list = await listOf(receipt.id, 'operator');
    expect(list.status).toBe(200);
    expect(list.body.attachments).toEqual([attachment]);
    expect(list.body.attachments[0]).toMatchObject({
      kind: 'photo',
      name: 'двор.jpg',
      contentType: 'image/jpeg',
    });
  });

  it("answers another territory's appeal as if it did not exist, and a role without appeals.read not at all", async () => {
    const { receipt } = await appealWithPhoto(PLACES.astana);
    expect(await listOf(receipt.id, 'operator')).toMatchObject({
      status: 404,
      body: { code: 'appeal.notFound' },
    });
    expect(await listOf(receipt.id, 'admin')).toMatchObject({
      status: 403,
      body: { code: 'role.forbidden' },
    });
  });
});
