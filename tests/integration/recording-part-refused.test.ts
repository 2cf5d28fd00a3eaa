import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentralClient, type SignedInCentral } from '../../main/central/client';
import { partAnswered } from '../../main/central/contentRange';
import { createRecordingPlayer } from '../../main/recordings/recordingPlayer';
import { FIRST_PIECE_BYTES, RECORDING_PIECE_BYTES } from '../../domain/files/recordingPlay';

const FILE_ID = '0190f1d2-0000-7000-8000-000000000001';
const ASKED = { start: 1000, maxBytes: 500 };

/**
 * Central's answers to a part of a recording are taken only when they are the part asked for. The real central
 * cannot be made to lie, so a fake central (a plain HTTP server) answers each way a broken or hostile one could.
 */
describe('a part of a recording that is not the part asked for is refused', () => {
  let answer: (response: ServerResponse, range: string | undefined) => void = () => undefined;
  let server: Server;
  let central: SignedInCentral;
  let bodyWritten = 0;

  beforeAll(async () => {
    server = createServer((request, response) => answer(response, request.headers.range));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    central = createCentralClient(url).signedIn({ accessToken: async () => 'token', refused() {} });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const part = (status: number, contentRange: string | null, body: Buffer) => {
    answer = (response) => {
      response.writeHead(status, {
        'content-type': 'video/webm',
        ...(contentRange === null ? {} : { 'content-range': contentRange }),
      });
      response.end(body);
    };
    return central.downloadPart('GET /api/recordings/:id', { params: { id: FILE_ID } }, ASKED);
  };

  it('asks for the range and takes the part that is exactly it', async () => {
    let asked: string | undefined;
    answer = (response, range) => {
      asked = range;
      response.writeHead(206, { 'content-type': 'video/webm', 'content-range': 'bytes 1000-1499/4000' });
      response.end(Buffer.alloc(500, 7));
    };
    const taken = await central.downloadPart('GET /api/recordings/:id', { params: { id: FILE_ID } }, ASKED);
    expect(asked).toBe('bytes=1000-1499');
    expect(taken).toMatchObject({ ok: true, value: { start: 1000, total: 4000, contentType: 'video/webm' } });
    // The last part of a file is shorter than asked.
    expect(await part(206, 'bytes 1000-1099/1100', Buffer.alloc(100))).toMatchObject({ ok: true });
  });

  it.each([
    ['the whole file instead of a part', 200, null, 4000],
    ['a part without Content-Range', 206, null, 500],
    ['another part', 206, 'bytes 0-499/4000', 500],
    ['more than asked', 206, 'bytes 1000-1999/4000', 1000],
    ['fewer bytes than its range says', 206, 'bytes 1000-1499/4000', 499],
    ['more bytes than its range says', 206, 'bytes 1000-1499/4000', 501],
    ['a part past the end of the file', 206, 'bytes 1000-1499/1200', 500],
    ['an unknown size', 206, 'bytes 1000-1499/*', 500],
    ['an unsatisfied range as a part', 206, 'bytes */4000', 500],
    ['a malformed range', 206, 'bytes 1000-1499/4000, 0-10', 500],
    ['a number too large to be exact', 206, 'bytes 1000-1499/99999999999999999999', 500],
  ])('refuses %s', async (_, status, contentRange, length) => {
    expect(await part(status, contentRange, Buffer.alloc(length))).toMatchObject({
      ok: false,
      failure: { kind: 'http', message: 'answer does not match the protocol' },
    });
  });

  it('stops reading a body that runs past what was asked, whatever its headers claim', async () => {
    bodyWritten = 0;
    answer = (response) => {
      // No Content-Length: the body streams on until the client lets go.
      response.writeHead(206, { 'content-range': 'bytes 1000-1499/100000000' });
      const more = () => {
        while (bodyWritten < 50_000_000 && response.write(Buffer.alloc(64 * 1024))) bodyWritten += 64 * 1024;
      };
      response.on('drain', more);
      response.on('close', () => response.off('drain', more));
      more();
    };
    const taken = await central.downloadPart('GET /api/recordings/:id', { params: { id: FILE_ID } }, ASKED);
    expect(taken).toMatchObject({ ok: false, failure: { message: 'answer does not match the protocol' } });
    expect(bodyWritten).toBeLessThan(5_000_000);
  });

  it("passes central's refusal of a range on as a refusal", async () => {
    answer = (response) => {
      response.writeHead(416, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'no such range', code: 'request.malformed', params: {} }));
    };
    expect(
      await central.downloadPart('GET /api/recordings/:id', { params: { id: FILE_ID } }, ASKED),
    ).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 416, refusal: { code: 'request.malformed' } },
    });
  });

  it('stops a play whose file changes size between pieces', async () => {
    let total = RECORDING_PIECE_BYTES * 3;
    answer = (response, range) => {
      const [, from = '0', to = '0'] = /^bytes=(\d+)-(\d+)$/.exec(range ?? '') ?? [];
      const end = Math.min(Number(to), total - 1);
      response.writeHead(206, { 'content-range': `bytes ${from}-${end}/${total}` });
      response.end(Buffer.alloc(end - Number(from) + 1));
    };
    const player = createRecordingPlayer({ central: () => central });
    expect(await player.open(FILE_ID)).toMatchObject({ ok: true, size: total });
    total += 10;
    expect(await player.read(FILE_ID, 0)).toMatchObject({ ok: true, next: FIRST_PIECE_BYTES });
    expect(await player.read(FILE_ID, FIRST_PIECE_BYTES)).toEqual({ ok: false, offline: true });
  });
});

describe('partAnswered (the Content-Range check)', () => {
  it('takes a part within the file that starts where asked and has the bytes it claims', () => {
    expect(partAnswered(206, 'bytes 1000-1499/4000', ASKED, 500)).toEqual({ start: 1000, total: 4000 });
    expect(partAnswered(206, 'bytes 1000-1000/1001', ASKED, 1)).toEqual({ start: 1000, total: 1001 });
  });
  it('refuses a range whose end comes before its start', () => {
    expect(partAnswered(206, 'bytes 1000-999/4000', ASKED, 0)).toBeNull();
  });
});
