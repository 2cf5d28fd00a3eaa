import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { PHOTO_MAX_BYTES, base64Length } from '../domain/files/cardFile';
import {
  HOST_API_PATH,
  HOST_SECRET_CHECK_PATH,
  WIRE_CLOSE_PROTOCOL_ERROR,
  type WireServerMessage,
  WireCallSchema,
} from '../domain/contract/ipcWire';
import { invokeApi } from './api';
import { loadHostSecret } from './hostSecret';
import { readUpgradeRequest } from './hostUpgrade';
import { contentTypeOf, resolveRendererFile } from './rendererFiles';
import { type StartOptions, startConsole } from './startup';
import { buildContentSecurityPolicy } from './windowPolicy';

export interface HostOptions extends Omit<StartOptions, 'runtime'> {
  rendererDir: string;
  /** Absent: `hostPort` of config.json, else DEFAULT_HOST_PORT. 0 picks a free port (tests). */
  port?: number;
}

export interface RunningHost {
  /** The URL to open: the secret rides in the fragment, so it never reaches a server log or a Referer. */
  url: string;
  origin: string;
  secret: string;
  close(): Promise<void>;
}

/** The largest call is a photo in base64 (domain/files/cardFile.ts); the rest of its frame is small JSON. */
const MAX_FRAME_BYTES = base64Length(PHOTO_MAX_BYTES) + 64 * 1024;
const HOST = '127.0.0.1';
/**
 * A stable port by default, so an open tab and a bookmark survive a restart (and the browser keeps the
 * tab's local settings, which are per origin). 8102 is central's.
 */
export const DEFAULT_HOST_PORT = 8103;

/** A secret is 32 characters (main/hostSecret.ts); anything much longer is not one. */
const SECRET_CHECK_MAX_BYTES = 256;

function sameSecret(given: string | null, secret: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Host mode: the console's services in plain Node, the built renderer over HTTP and the contract over a
 * WebSocket, both on 127.0.0.1 only. A connection needs the data folder's secret and the host's own Origin,
 * so a web page the operator happens to visit cannot drive the console.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const running = startConsole({ ...options, runtime: 'host' });
  const wantedPort = options.port ?? running.config.hostPort ?? DEFAULT_HOST_PORT;
  let secret: string;
  try {
    secret = loadHostSecret(options.dataDir);
  } catch (error) {
    running.stop();
    throw error;
  }
  const sockets = new Set<WebSocket>();
  let origin = '';
  let csp = '';

  const serveFile = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveRendererFile(options.rendererDir, req.url ?? '/');
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  /** Same origin only, a body no longer than a secret: a page elsewhere learns nothing, not even a 401. */
  const checkSecret = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.headers.origin !== origin) {
      res.writeHead(403).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > SECRET_CHECK_MAX_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const right = sameSecret(Buffer.concat(chunks).toString('utf8'), secret);
      if (!right) running.log.warn('host.refused', { reason: 'secret' });
      res.writeHead(right ? 204 : 401).end();
    });
  };

  const server = createServer((req, res) => {
    if (req.url === HOST_SECRET_CHECK_PATH) return checkSecret(req, res);
    serveFile(req, res).catch(() => res.writeHead(500).end());
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const request = readUpgradeRequest(req.url, req.headers);
    if (!request || request.pathname !== HOST_API_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!sameSecret(request.secret, secret)) {
      running.log.warn('host.refused', { reason: 'secret' });
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    if (request.origin !== origin) {
      running.log.warn('host.refused', { reason: 'origin' });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  };
  // Nothing a client sends may end the console: a reset socket or a bug in one connection ends that connection only.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(req, socket, head);
    } catch (error) {
      running.log.warn('host.upgradeFailed', { error: error instanceof Error ? error.name : 'unknown' });
      socket.destroy();
    }
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    const send = (message: WireServerMessage) => ws.send(JSON.stringify(message));
    const unsubscribe = running.services.events.subscribe((event, payload) =>
      send({ kind: 'event', event, payload }),
    );
    ws.on('close', () => {
      unsubscribe();
      sockets.delete(ws);
    });
    // A frame over the limit (or broken framing) closes the socket; unheard, the error would end the process.
    ws.on('error', (error) =>
      running.log.warn('host.socketError', { code: 'code' in error ? String(error.code) : error.name }),
    );
    ws.on('message', (data, isBinary) => {
      let call;
      try {
        call = WireCallSchema.parse(JSON.parse(isBinary ? '' : data.toString()));
      } catch {
        ws.close(WIRE_CLOSE_PROTOCOL_ERROR, 'not a console API call');
        return;
      }
      invokeApi(running.handlers, call.method, call.input, running.log)
        .then((result) => send({ kind: 'result', id: call.id, result }))
        .catch(() => ws.terminate());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, HOST, () => resolve());
  }).catch((error: unknown) => {
    running.stop();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
      throw new Error(
        `port ${wantedPort} on ${HOST} is taken by another program; start with --port N or set hostPort in config.json`,
      );
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;
  csp = buildContentSecurityPolicy({
    connectOrigins: [`ws://${HOST}:${port}`],
    tileUrl: running.services.info.tileUrl,
  });
  running.log.info('host.listening', { port });

  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    secret,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      // Stop listening, then end the browser's idle keep-alive connections at once: `close` alone waits for
      // them, and a tab that stays open keeps one, so a stop could wait as long as the tab does.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      running.stop();
    },
  };
}
