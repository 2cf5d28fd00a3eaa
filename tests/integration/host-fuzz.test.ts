import { randomBytes } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type HostProcess, startHostProcess } from '../support/hostProcess';
import { tempDir } from '../support/tempDir';

/** A small seeded generator, so a failing run can be replayed from the seed it prints. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes raw bytes to the host over TCP and resolves once either side has closed the connection. */
function sendRaw(port: number, chunks: readonly Buffer[]): Promise<void> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    // A socket the server keeps open (an unfinished request) is ended by us after a moment; that is not a wait for success.
    const giveUp = setTimeout(() => socket.destroy(), 3_000);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve();
    });
    socket.on('data', () => undefined);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      socket.end();
    });
  });
}

/** A WebSocket handshake done by hand, then the given bytes as frames; resolves once the connection closes. */
function sendFramesAfterHandshake(
  port: number,
  target: string,
  origin: string,
  frames: Buffer,
): Promise<void> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    const giveUp = setTimeout(() => socket.destroy(), 3_000);
    let answered = false;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve();
    });
    socket.on('data', (data) => {
      if (answered) return;
      answered = true;
      if (!data.toString('latin1').startsWith('HTTP/1.1 101')) return void socket.destroy();
      socket.write(frames);
      socket.end();
    });
    socket.on('connect', () =>
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nOrigin: ${origin}\r\n\r\n`,
      ),
    );
  });
}

const upgrade = (target: string, headers = 'Upgrade: websocket\r\nConnection: Upgrade\r\n') =>
  Buffer.from(
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    'latin1',
  );

/** Request lines and headers that broke, or could break, a server that trusts what it parses. */
function hostileRequests(secret: string): Buffer[] {
  const targets = [
    '//[',
    '//[::1',
    'http://[',
    '//',
    '///',
    '/api?secret=%',
    `/api?secret=${secret}%00`,
    '/api?secret=\u0000',
    '*',
    '%',
    '/%zz',
    'http://evil.example/api',
    `/api?secret=${secret}&secret=${secret}`,
    `/api?secret=${secret}#x`,
    `//evil.example/api?secret=${secret}`,
    '/' + 'a'.repeat(70_000),
    `/api?secret=${'é'.repeat(40)}`,
  ];
  const requests = targets.map((target) => upgrade(target));
  const headerSets = [
    'Upgrade: websocket\r\nConnection: Upgrade\r\nOrigin: \r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nOrigin: http://[\r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nOrigin: a\r\nOrigin: b\r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: \r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n',
    'Upgrade: \u00ff\u00fe\r\nConnection: Upgrade\r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nX: ' + 'b'.repeat(20_000) + '\r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nbroken header line\r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nContent-Length: -1\r\n',
    'Upgrade: websocket\r\nConnection: Upgrade\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n',
  ];
  for (const headers of headerSets) requests.push(upgrade(`/api?secret=${secret}`, headers));
  requests.push(Buffer.from('\r\n\r\n'), Buffer.from('GET\r\n\r\n'), Buffer.from('GET / HTTP/9.9\r\n\r\n'));
  requests.push(Buffer.from('GET //[ HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
  return requests;
}

/** A good upgrade request with a few bytes flipped, cut short, or replaced by noise. */
function mutatedRequest(random: () => number, secret: string, origin: string): Buffer {
  const good = Buffer.from(
    `GET /api?secret=${secret} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: ${origin}\r\n\r\n`,
    'latin1',
  );
  const pick = random();
  if (pick < 0.15)
    return Buffer.from(
      Array.from({ length: 1 + Math.floor(random() * 600) }, () => Math.floor(random() * 256)),
    );
  const bytes = Buffer.from(good);
  const flips = 1 + Math.floor(random() * 6);
  for (let i = 0; i < flips; i += 1) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
  return pick < 0.3 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
}

/** Frame bytes as a client might send them: masked or not, any opcode and length, truncated or oversized. */
function randomFrames(random: () => number): Buffer {
  const hostile = [
    Buffer.from([0x81, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // a 2^64-1 byte text frame
    Buffer.from([0x8f, 0x80, 0, 0, 0, 0]), // reserved opcode
    Buffer.from([0xf1, 0x80, 0, 0, 0, 0]), // reserved bits
    Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked client frame
    Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]), // invalid UTF-8
    Buffer.from([0x88, 0x81, 0, 0, 0, 0, 0x03]), // a close frame with a one-byte code
    Buffer.from([0x09, 0x80, 0, 0, 0, 0]), // a fragmented ping
  ];
  if (random() < 0.3) return hostile[Math.floor(random() * hostile.length)] ?? Buffer.alloc(0);
  const payload = Buffer.from(
    random() < 0.5
      ? JSON.stringify({
          kind: 'call',
          id: Math.floor(random() * 1e9),
          method: 'cards.get',
          input: { id: '\u0000[' },
        })
      : randomBytes(Math.floor(random() * 200)).toString('latin1'),
    'latin1',
  );
  const header = Buffer.from([0x80 | Math.floor(random() * 16), 0x80 | Math.min(payload.length, 125)]);
  return Buffer.concat([
    header,
    Buffer.alloc(4),
    payload.subarray(0, 125),
    randomBytes(Math.floor(random() * 8)),
  ]);
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(run));
}

/** A good client: connects with the secret and the host's Origin and gets an answer to a call. */
function callAppInfo(origin: string, secret: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/api?secret=${encodeURIComponent(secret)}`, {
      origin,
    });
    socket.on('error', reject);
    socket.on('open', () =>
      socket.send(JSON.stringify({ kind: 'call', id: 1, method: 'app.info', input: {} })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { kind: string; result?: unknown };
      if (message.kind !== 'result') return;
      socket.close();
      resolve(message.result);
    });
  });
}

describe('nothing a client sends ends host mode', () => {
  const temp = tempDir();
  let host: HostProcess;
  let ready: Awaited<HostProcess['ready']>;
  let port: number;

  beforeAll(async () => {
    host = startHostProcess(temp.dir);
    ready = await host.ready;
    port = Number(new URL(ready.origin).port);
  });
  afterAll(async () => {
    if (host.child.exitCode === null) {
      host.child.kill('SIGTERM');
      await host.exited;
    }
    temp.remove();
  });

  const stillServing = async () => {
    expect(host.child.exitCode, host.output()).toBeNull();
    expect(await callAppInfo(ready.origin, ready.secret)).toMatchObject({ ok: true });
  };

  it('survives hostile request lines and headers on the WebSocket upgrade (GET //[ and its kind)', async () => {
    await inBatches(hostileRequests(ready.secret), 8, (request) => sendRaw(port, [request]));
    await stillServing();
  });

  it('survives random and mutated requests', async () => {
    const seed = Number(process.env.HOST_FUZZ_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const requests = Array.from({ length: 300 }, () => mutatedRequest(random, ready.secret, ready.origin));
    await inBatches(requests, 16, (request) => sendRaw(port, [request]));
    expect(host.child.exitCode, `seed ${seed}\n${host.output()}`).toBeNull();
    await stillServing();
  });

  it('survives hostile and random frames from a connected client', async () => {
    const seed = Number(process.env.HOST_FUZZ_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const target = `/api?secret=${encodeURIComponent(ready.secret)}`;
    const frames = Array.from({ length: 150 }, () => randomFrames(random));
    await inBatches(frames, 8, (bytes) => sendFramesAfterHandshake(port, target, ready.origin, bytes));
    expect(host.child.exitCode, `seed ${seed}\n${host.output()}`).toBeNull();
    await stillServing();
  });
});
