import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for central's network-test endpoints (central/net/routes.ts): the same three routes and
 * answers in plain node:http, so the workstation tests need neither central's database nor its accounts.
 */
export function startNetStandIn(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/api/net/ping') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ t: Date.now() }));
    } else if (req.method === 'GET' && url.pathname === '/api/net/download') {
      const bytes = Number(url.searchParams.get('bytes'));
      res
        .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes })
        .end(Buffer.alloc(bytes, 7));
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
