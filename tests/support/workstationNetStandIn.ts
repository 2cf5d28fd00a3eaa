import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const CHUNK = 16 * 1024;
/** One block served in slices: allocating per request would measure the stand-in, not the client. */
const BLOCK = Buffer.alloc(8 * 1024 * 1024, 7);

/** A slow link: chunks at the pace of the given rate. */
function sendPaced(res: ServerResponse, bytes: number, mbps: number): void {
  const started = Date.now();
  let sent = 0;
  const next = () => {
    if (sent >= bytes || res.destroyed) {
      res.end();
      return;
    }
    const take = Math.min(CHUNK, bytes - sent);
    res.write(BLOCK.subarray(0, take));
    sent += take;
    const due = started + (sent * 8) / (mbps * 1000);
    setTimeout(next, Math.max(0, due - Date.now()));
  };
  next();
}

/**
 * A stand-in for central's network-test endpoints (central/net/routes.ts): the same three routes and
 * answers in plain node:http, so the workstation tests need neither central's database nor its accounts.
 */
export function startNetStandIn(
  options: { downloadMbps?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/api/net/ping') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ t: Date.now() }));
    } else if (req.method === 'GET' && url.pathname === '/api/net/download') {
      const bytes = Number(url.searchParams.get('bytes'));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes });
      if (options.downloadMbps) sendPaced(res, bytes, options.downloadMbps);
      else res.end(BLOCK.subarray(0, bytes));
    } else if (req.method === 'POST' && url.pathname === '/api/net/upload') {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes })),
      );
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}
