import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealPublicView, AppealReceipt } from '../../../domain/appeals/appeal';
import { APPEAL_LIMITS } from '../../../domain/appeals/appeal';
import { MAX_JSON_DEPTH } from '../../../central/http/jsonBody';
import { REFUSED_BODY_DRAIN_BYTES } from '../../../central/http/refusedBodyDrain';
import { jpegImageSegments } from '../../support/photoBytes';
import { aCardCreate, aFilledCard, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { openSocket } from '../../support/central/client';
import { waitFor } from '../../support/waitFor';

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

describe('a body refused as too large gets its answer, not a broken connection', () => {
  it('reads the rest of a too large body and keeps the connection, so a client still sending gets the 413', async () => {
    // Fastify refused at once and closed the connection mid-upload: a citizen's app still sending its 2 MB saw
    // a broken pipe (12 of 30 posts to a central of its own process), not request.tooLarge.
    const { port, hostname } = new URL(t.url);
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const answered = async (status: string) => {
      await waitFor(() => Buffer.concat(received).toString('latin1').includes(`HTTP/1.1 ${status}`));
      return Buffer.concat(received.splice(0)).toString('latin1');
    };
    const length = 2 * 1024 * 1024;
    const firstPart = 64 * 1024;
    socket.write(
      `POST /api/appeals HTTP/1.1\r\nHost: central\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(firstPart, 0x20));
    const refusal = await answered('413');
    expect(refusal).toContain('request.tooLarge');
    expect(refusal.toLowerCase()).not.toContain('connection: close');
    await new Promise<void>((done, fail) =>
      socket.write(Buffer.alloc(length - firstPart, 0x20), (error) => (error ? fail(error) : done())),
    );
    // The rest was read and thrown away: the same connection serves the next request.
    socket.write('GET /health HTTP/1.1\r\nHost: central\r\n\r\n');
    expect(await answered('200')).toContain('HTTP/1.1 200');
    socket.destroy();
  });

  it('still cuts off a body larger than it reads to its end', async () => {
    const body = new Uint8Array(REFUSED_BODY_DRAIN_BYTES + 4 * 1024 * 1024);
    const outcome = await fetch(`${t.url}/api/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }).then(
      (answer) => answer.status,
      () => 'cut off',
    );
    // Either the refusal got out before the cut, or the connection was cut: never a 2xx, never a hang.
    expect([413, 'cut off']).toContain(outcome);
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
