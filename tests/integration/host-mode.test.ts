import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PHOTO_MAX_BYTES } from '../../domain/files/cardFile';
import type { WireServerMessage } from '../../domain/contract/ipcWire';
import { type RunningHost, startHost } from '../../main/hostServer';
import { aDraft } from '../support/console';
import { tempDir } from '../support/tempDir';

/** Opens a WebSocket to host mode and resolves with the HTTP status it was refused with, or 101. */
function connect(url: string, origin: string | undefined): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.on('open', () => resolve({ status: 101, socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.on('error', () => resolve({ status: 0 }));
  });
}

/** The next message of one kind; a socket that calls also receives the events its own call caused. */
const nextMessage = (socket: WebSocket, kind: WireServerMessage['kind'] = 'result') =>
  new Promise<WireServerMessage>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as WireServerMessage;
      if (message.kind !== kind) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });

describe('host mode', () => {
  const temp = tempDir();
  let host: RunningHost;
  let apiUrl: (secret: string) => string;

  beforeAll(async () => {
    host = await startHost({
      port: 0,
      dataDir: temp.dir,
      rendererDir: temp.dir,
      version: 'test',
      logToConsole: false,
    });
    apiUrl = (secret) => `${host.origin.replace('http', 'ws')}/api?secret=${encodeURIComponent(secret)}`;
  });
  afterAll(async () => {
    await host.close();
    temp.remove();
  });

  it('listens on the loopback address only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
    expect(host.url).toContain('#secret=');
  });

  it('refuses a connection with a wrong secret', async () => {
    expect((await connect(apiUrl('guess'), host.origin)).status).toBe(401);
    expect((await connect(apiUrl(''), host.origin)).status).toBe(401);
  });

  it('tells a tab of its own origin whether its secret is right, and nobody else anything', async () => {
    const check = (body: string, origin?: string) =>
      fetch(`${host.origin}/secret-check`, {
        method: 'POST',
        body,
        headers: origin ? { origin } : {},
      }).then((answer) => answer.status);
    expect(await check(host.secret, host.origin)).toBe(204);
    expect(await check('guess', host.origin)).toBe(401);
    expect(await check(host.secret, 'http://evil.example')).toBe(403);
    expect(await check(host.secret)).toBe(403);
    expect(await check('x'.repeat(100_000), host.origin).catch(() => 'cut')).toBe('cut');
  });

  it('refuses a connection from a foreign Origin even with the right secret', async () => {
    expect((await connect(apiUrl(host.secret), 'http://evil.example')).status).toBe(403);
    expect((await connect(apiUrl(host.secret), 'http://127.0.0.1:1')).status).toBe(403);
    expect((await connect(apiUrl(host.secret), undefined)).status).toBe(403);
  });

  it('serves the contract to its own origin and pushes events', async () => {
    const { socket } = await connect(apiUrl(host.secret), host.origin);
    if (!socket) throw new Error('not connected');
    const listener = (await connect(apiUrl(host.secret), host.origin)).socket;
    if (!listener) throw new Error('not connected');
    const event = nextMessage(listener, 'event');
    socket.send(JSON.stringify({ kind: 'call', id: 7, method: 'cards.saveDraft', input: aDraft() }));
    const reply = await nextMessage(socket);
    expect(reply).toMatchObject({ kind: 'result', id: 7, result: { ok: true, value: { localNumber: 1 } } });
    expect(await event).toMatchObject({ kind: 'event', event: 'cards.changed' });

    socket.send(
      JSON.stringify({ kind: 'call', id: 8, method: 'cards.saveDraft', input: { description: 5 } }),
    );
    expect(await nextMessage(socket)).toMatchObject({
      id: 8,
      result: { ok: false, error: { code: 'invalid_input' } },
    });
    socket.close();
    listener.close();
  });

  it('carries a photo of the largest size allowed in one call, and closes a connection that sends a bigger frame', async () => {
    const { socket } = await connect(apiUrl(host.secret), host.origin);
    if (!socket) throw new Error('not connected');
    socket.send(JSON.stringify({ kind: 'call', id: 1, method: 'cards.saveDraft', input: aDraft() }));
    const card = await nextMessage(socket);
    const cardId = card.kind === 'result' && card.result.ok ? (card.result.value as { id: string }).id : '';
    const photo = Buffer.alloc(PHOTO_MAX_BYTES, 1);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(photo);
    const input = { cardId, name: 'largest.jpg', bytesBase64: photo.toString('base64') };
    socket.send(JSON.stringify({ kind: 'call', id: 2, method: 'cards.attachPhoto', input }));
    expect(await nextMessage(socket)).toMatchObject({
      id: 2,
      result: { ok: true, value: { ok: true, file: { name: 'largest.jpg', size: PHOTO_MAX_BYTES } } },
    });

    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    const tooBig = { ...input, bytesBase64: Buffer.alloc(PHOTO_MAX_BYTES + 100 * 1024).toString('base64') };
    socket.send(JSON.stringify({ kind: 'call', id: 3, method: 'cards.attachPhoto', input: tooBig }));
    expect(await closed).toBe(1009);
  });

  it('closes a connection that sends something other than a call, and keeps serving others', async () => {
    const { socket } = await connect(apiUrl(host.secret), host.origin);
    if (!socket) throw new Error('not connected');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('{"not":"a call"');
    expect(await closed).toBe(4400);

    const again = (await connect(apiUrl(host.secret), host.origin)).socket;
    if (!again) throw new Error('not connected');
    again.send(JSON.stringify({ kind: 'call', id: 1, method: 'cards.list', input: {} }));
    expect(await nextMessage(again)).toMatchObject({ result: { ok: true } });
    again.close();
  });

  it('serves no file outside the renderer folder', async () => {
    const response = await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).toBe(404);
  });
});
