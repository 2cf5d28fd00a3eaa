import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealPublicView, AppealReceipt } from '../../../domain/appeals/appeal';
import { APPEAL_LIMITS } from '../../../domain/appeals/appeal';
import { MAX_JSON_DEPTH } from '../../../central/http/jsonBody';
import { jpegImageSegments } from '../../support/photoBytes';
import { aCardCreate, aFilledCard, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { openSocket } from '../../support/central/client';

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(async () => {
  // Nothing below may have stopped central from serving.
  expect((await t.call('GET', '/health')).status).toBe(200);
  await t.close();
});

const NUL = '\u0000';
const LONE_SURROGATE = '\uD83D';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8]), ...jpegImageSegments(), Buffer.from([0xff, 0xd9])]);

/** `depth` arrays inside one another, as JSON text. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const register = async () =>
  (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal({ anonymous: true }) })).body;

describe('text PostgreSQL cannot store is refused with text.unstorable, never a 500 (issue 11, item 2)', () => {
  it.each([
    ['a NUL in the text', { text: `Помогите${NUL}` }, 'body.text'],
    ['a lone surrogate in the address', { addressText: `Абай ${LONE_SURROGATE}` }, 'body.addressText'],
    [
      'a NUL in the applicant',
      { applicant: { name: `A${NUL}`, phone: '+7 701 555 0101' } },
      'body.applicant.name',
    ],
  ])('a citizen appeal with %s', async (_what, change, field) => {
    const r = await t.call('POST', '/api/appeals', { body: { ...anAppeal(), ...change } });
    expect(r).toMatchObject({ status: 400, body: { code: 'text.unstorable', params: { field } } });
  });

  it('a chat line with a lone surrogate', async () => {
    const appeal = await register();
    const r = await t.call('POST', `/api/appeals/${appeal.id}/messages`, {
      body: { text: `hello ${LONE_SURROGATE}` },
      headers: { 'x-citizen-token': appeal.citizenToken },
    });
    expect(r).toMatchObject({
      status: 400,
      body: { code: 'text.unstorable', params: { field: 'body.text' } },
    });
  });

  it("a console's pushed card: refused by the operation's schema, never a 500", async () => {
    const token = await t.token('operator');
    const pushed = await t.call<{ code?: string; results?: { status: string; code: string }[] }>(
      'POST',
      '/api/sync/push',
      { token, body: { operations: [aCardCreate(aFilledCard({ description: `драка${NUL}` }))] } },
    );
    // The operation alone, so the push's other operations are not held back (issue 11, item 3).
    expect(pushed.status).toBe(200);
    expect(pushed.body.results?.[0]).toMatchObject({ status: 'rejected', code: 'op.unstorable' });
  });

  it('a key of any JSON body, even where the schema takes any keys', async () => {
    const keyed = await t.call('POST', '/api/workstations/report', {
      token: await t.token('operator'),
      body: { workstationId: 'ws-1', report: { [`bad${NUL}key`]: 1 } },
    });
    expect(keyed).toMatchObject({
      status: 400,
      body: { code: 'text.unstorable', params: { field: 'body.report' } },
    });
  });

  it('a realtime message with a NUL, answered on the socket that stays open', async () => {
    const appeal = await register();
    const socket = await openSocket(t.url, `appeal=${appeal.id}&citizenToken=${appeal.citizenToken}`);
    try {
      socket.send({ type: 'call.signal', appealId: appeal.id, signal: { kind: 'offer', sdp: `v=0${NUL}` } });
      const error = await socket.next('error');
      expect(error).toMatchObject({ code: 'text.unstorable', params: { field: 'message.signal.sdp' } });
      socket.send({ type: 'ping' });
      await socket.next('pong');
    } finally {
      socket.ws.close();
    }
  });
});

describe('every JSON body is bounded in depth and size (issue 11, item 10)', () => {
  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels, on citizen and staff routes alike`, async () => {
    const token = await t.token('operator');
    for (const [path, auth] of [
      ['/api/appeals', undefined],
      ['/api/sync/push', token],
      ['/api/auth/login', undefined],
    ] as const) {
      const r = await t.call('POST', path, {
        raw: nested(MAX_JSON_DEPTH + 1),
        ...(auth ? { token: auth } : {}),
      });
      expect(r, path).toMatchObject({
        status: 400,
        body: { code: 'request.tooDeep', params: { maxDepth: 32 } },
      });
    }
    // 100,000 levels cost a loop, not the stack.
    const deep = await t.call('POST', '/api/sync/push', { raw: nested(100_000), token });
    expect(deep).toMatchObject({ status: 400, body: { code: 'request.tooDeep' } });
  });

  it('reads a body as deep as the limit', async () => {
    const r = await t.call('POST', '/api/appeals', { raw: nested(MAX_JSON_DEPTH) });
    expect(r).toMatchObject({ status: 400, body: { code: 'appeal.invalid' } });
  });

  it('holds a citizen appeal and a sign-in to their own size, below the default megabyte', async () => {
    const padding = 'я'.repeat(40_000); // 80 KB of UTF-8: more than an appeal may be, far less than 1 MB
    const appeal = await t.call('POST', '/api/appeals', { body: { ...anAppeal(), text: padding } });
    expect(appeal).toMatchObject({ status: 413, body: { code: 'request.tooLarge' } });
    const login = await t.call('POST', '/api/auth/login', { body: { login: 'operator', password: padding } });
    expect(login).toMatchObject({ status: 413, body: { code: 'request.tooLarge' } });
    // The largest appeal a citizen may send still fits.
    const largest = await t.call('POST', '/api/appeals', {
      body: { ...anAppeal(), text: '\u{1F198}'.repeat(APPEAL_LIMITS.textMax / 2) },
    });
    expect(largest.status).toBe(201);
  });
});

describe('count limits hold when requests arrive at once (issue 11, item 10)', () => {
  it(`an appeal keeps at most ${APPEAL_LIMITS.attachmentsMax} attachments, however many arrive together`, async () => {
    const appeal = await register();
    const tries = APPEAL_LIMITS.attachmentsMax + 6;
    const answers = await Promise.all(
      Array.from({ length: tries }, (_, i) =>
        t.call('POST', `/api/appeals/${appeal.id}/attachments?kind=photo&name=p${i}.jpg`, {
          raw: JPEG,
          contentType: 'application/octet-stream',
          headers: { 'x-citizen-token': appeal.citizenToken },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(APPEAL_LIMITS.attachmentsMax);
    expect(statuses.filter((s) => s === 409)).toHaveLength(tries - APPEAL_LIMITS.attachmentsMax);
    const view = await t.call<AppealPublicView>('GET', `/api/appeals/${appeal.id}`, {
      headers: { 'x-citizen-token': appeal.citizenToken },
    });
    expect(view.body.attachments).toHaveLength(APPEAL_LIMITS.attachmentsMax);
    // An anonymous appeal's files are numbered one to ten, each number once.
    expect(new Set(view.body.attachments.map((a) => a.name)).size).toBe(APPEAL_LIMITS.attachmentsMax);
  });
});
