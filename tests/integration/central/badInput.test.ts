import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { SYNC_LIMITS, type SyncOpResult } from '../../../domain/sync/sync';
import { jpegImageSegments } from '../../support/photoBytes';
import { aCardCreate, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

let t: TestCentral;
let receipt: AppealReceipt;
/** A well-formed JPEG without metadata: central keeps it byte for byte. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8]), ...jpegImageSegments(), Buffer.from([0xff, 0xd9])]);

beforeAll(async () => {
  t = await startTestCentral();
  receipt = (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ anonymous: true }) }))
    .body;
});
afterAll(async () => {
  // Every refusal above must have left the server serving.
  expect((await t.call('GET', '/health')).status).toBe(200);
  await t.close();
});

const attach = (name: string, bytes: Buffer = JPEG, kind = 'photo', token = receipt.citizenToken) =>
  t.call('POST', `/api/appeals/${receipt.id}/attachments?kind=${kind}&name=${encodeURIComponent(name)}`, {
    raw: bytes,
    contentType: 'application/octet-stream',
    headers: { 'x-citizen-token': token },
  });

describe('bad input gets a 4xx with a reason, never a 500', () => {
  it('refuses malformed JSON', async () => {
    const r = await t.call('POST', '/api/appeals', { raw: '{"kind": "text",' });
    expect(r).toMatchObject({ status: 400, body: { error: expect.stringContaining('JSON') } });
  });

  it('refuses an empty JSON body', async () => {
    expect((await t.call('POST', '/api/appeals', { raw: '' })).status).toBe(400);
  });

  it('refuses wrong types, naming the field', async () => {
    const r = await t.call('POST', '/api/appeals', { body: { ...anAppeal(), text: 42, anonymous: 'yes' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      error: 'invalid appeal',
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'text' }),
        expect.objectContaining({ path: 'anonymous' }),
      ]),
    });
  });

  it('refuses unknown fields', async () => {
    const r = await t.call('POST', '/api/appeals', { body: anAppeal({ isAdmin: true }) });
    expect(r).toMatchObject({
      status: 400,
      body: { issues: [expect.objectContaining({ message: expect.stringContaining('isAdmin') })] },
    });
  });

  it('refuses invalid coordinates', async () => {
    for (const location of [
      { lat: 91, lon: 0 },
      { lat: 0, lon: -181 },
      { lat: 'north', lon: 0 },
    ]) {
      const r = await t.call('POST', '/api/appeals', { body: anAppeal({ location }) });
      expect(r).toMatchObject({
        status: 400,
        body: { issues: [expect.objectContaining({ path: expect.stringMatching(/^location/) })] },
      });
    }
    const nan = await t.call('POST', '/api/appeals', {
      raw: JSON.stringify(anAppeal()).replace('"lat":43.2567', '"lat":1e999'),
    });
    expect(nan.status).toBe(400);
  });

  it('refuses a huge JSON body', async () => {
    const r = await t.call('POST', '/api/appeals', { body: anAppeal({ text: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(r).toMatchObject({ status: 413, body: { error: expect.any(String) } });
  });

  it('refuses an over-long text even under the body limit', async () => {
    expect(
      (await t.call('POST', '/api/appeals', { body: anAppeal({ text: 'x'.repeat(5000) }) })).status,
    ).toBe(400);
  });

  it('refuses prototype pollution in JSON', async () => {
    const r = await t.call('POST', '/api/appeals', { raw: '{"__proto__": {"admin": true}, "kind": "text"}' });
    expect(r.status).toBe(400);
  });

  it('refuses path traversal in attachment names', async () => {
    for (const name of ['../../etc/passwd', '..\\..\\boot.ini', 'a/b.jpg', '..', 'photo\u0000.jpg']) {
      const r = await attach(name);
      expect(r).toMatchObject({
        status: 400,
        body: { issues: expect.arrayContaining([expect.objectContaining({ path: 'name' })]) },
      });
    }
  });

  it('refuses an attachment whose content is not the declared kind', async () => {
    const r = await attach('photo.jpg', Buffer.from('#!/bin/sh\nrm -rf /\n'.repeat(4)));
    expect(r).toMatchObject({ status: 415, body: { error: expect.stringContaining('photo') } });
    expect((await attach('voice.ogg', JPEG, 'voice')).status).toBe(415);
  });

  it('refuses a photo over its size limit', async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(11 * 1024 * 1024)]);
    expect((await attach('big.jpg', big)).status).toBe(413);
  });

  it('refuses an attachment with a wrong citizen token', async () => {
    expect((await attach('photo.jpg', JPEG, 'photo', 'not-the-token')).status).toBe(404);
  });

  it('stores a good attachment under a generated name and gives it to the operator of the territory', async () => {
    const r = await attach('фото двора.jpg');
    expect(r).toMatchObject({
      status: 201,
      body: { kind: 'photo', contentType: 'image/jpeg', name: expect.stringMatching(/^photo-\d+\.jpg$/) },
    });
    const id = (r.body as { id: string }).id;
    const file = await fetch(`${t.url}/api/staff/appeals/${receipt.id}/attachments/${id}`, {
      headers: { authorization: `Bearer ${await t.token('operator')}` },
    });
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it('refuses bad ids and queries', async () => {
    expect((await t.call('GET', '/api/appeals/not-a-uuid')).status).toBe(400);
    expect(
      (await t.call('GET', `/api/appeals/${randomUUID()}`, { headers: { 'x-citizen-token': 'x' } })).status,
    ).toBe(404);
    const token = await t.token('operator');
    expect((await t.call('GET', '/api/net/download?bytes=-1', { token })).status).toBe(400);
    expect((await t.call('GET', `/api/net/download?bytes=${60 * 1024 * 1024}`, { token })).status).toBe(400);
    expect(
      (await t.call('GET', '/api/sync/pull?since=abc', { token: await t.token('operator') })).status,
    ).toBe(400);
  });

  it('refuses sync operations that are not UUIDv7 or of an unknown type', async () => {
    const token = await t.token('operator');
    const op = {
      id: randomUUID(),
      type: 'card.create',
      cardId: randomUUID(),
      createdAt: new Date().toISOString(),
      payload: { fields: {} },
    };
    expect((await t.call('POST', '/api/sync/push', { token, body: { operations: [op] } })).status).toBe(400);
    expect(
      (
        await t.call('POST', '/api/sync/push', {
          token,
          body: { operations: [{ ...op, type: 'card.delete' }] },
        })
      ).status,
    ).toBe(400);
  });

  it('refuses a push of more operations than a batch may hold, and applies none of them', async () => {
    const token = await t.token('operator');
    const tooMany = Array.from({ length: SYNC_LIMITS.batchMax + 1 }, () => aCardCreate());
    expect((await t.call('POST', '/api/sync/push', { token, body: { operations: tooMany } })).status).toBe(
      400,
    );
    // The refused push left nothing behind: the same operations, one fewer, are all new to central.
    const full = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token,
      body: { operations: tooMany.slice(1) },
    });
    expect(full.status).toBe(200);
    expect(full.body.results.map((r) => r.status)).toEqual(Array(SYNC_LIMITS.batchMax).fill('applied'));
  });

  it('answers an unknown route with 404 and a reason', async () => {
    expect(await t.call('GET', '/api/nothing')).toMatchObject({
      status: 404,
      body: { error: 'no such route' },
    });
  });

  it('refuses a territory import that is not valid GeoJSON, changing nothing (§8)', async () => {
    const admin = await t.token('admin');
    const open = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { departmentId: 'kz-almaty' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
              ],
            ],
          },
        },
      ],
    };
    const r = await t.call('POST', '/api/territories/import', { token: admin, body: open });
    expect(r).toMatchObject({
      status: 400,
      body: {
        issues: expect.arrayContaining([
          expect.objectContaining({ message: expect.stringContaining('ring') }),
        ]),
      },
    });
    const unknown = {
      ...open,
      features: [
        {
          ...open.features[0],
          properties: { departmentId: 'kz-atlantis' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    expect(await t.call('POST', '/api/territories/import', { token: admin, body: unknown })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('kz-atlantis') },
    });
    // Routing is unchanged: Almaty still routes to Almaty.
    const after = await t.call<AppealReceipt>('POST', '/api/appeals', {
      body: anAppeal({ anonymous: true }),
    });
    expect(after.body.departmentId).toBe('kz-almaty');
  });
});
