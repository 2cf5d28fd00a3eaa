import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A part of a recording from past its start: what a player asks for once it already plays. */
const LATER_PART = /^\/api\/recordings\/[^/?]+$/;
const laterPart = (request: IncomingMessage) =>
  request.method === 'GET' &&
  LATER_PART.test(request.url ?? '') &&
  Number(/^bytes=(\d+)-/.exec(request.headers.range ?? '')?.[1] ?? 0) > 0;

export interface RangeHoldingProxy {
  url: string;
  port: number;
  /** From now on, parts of a recording past its first piece wait until `release`. */
  hold(): void;
  /** How many parts wait now. */
  held(): number;
  /** Lets the waiting parts (and every later one) through. */
  release(): void;
  close(): Promise<void>;
}

/**
 * Central as a console sees it through a slow link: a plain HTTP proxy (and WebSocket tunnel) to central that
 * can hold back the parts of a recording after its first, so a test sees what plays before the rest arrives.
 */
export async function rangeHoldingProxy(centralPort: number): Promise<RangeHoldingProxy> {
  let holding = false;
  let waiting: (() => void)[] = [];
  const pass = (request: IncomingMessage, response: ServerResponse) => {
    const upstream = forward(
      {
        host: '127.0.0.1',
        port: centralPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  };
  const server = createServer((request, response) => {
    if (holding && laterPart(request)) waiting.push(() => pass(request, response));
    else pass(request, response);
  });
  const tunnels = new Set<Socket>();
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const upstream = connect(centralPort, '127.0.0.1', () => {
      const headers = [];
      for (let i = 0; i < request.rawHeaders.length; i += 2)
        headers.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      upstream.write(`${request.method} ${request.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    for (const end of [socket, upstream]) {
      tunnels.add(end);
      end.on('close', () => tunnels.delete(end));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hold: () => {
      holding = true;
    },
    held: () => waiting.length,
    release() {
      holding = false;
      const now = waiting;
      waiting = [];
      for (const go of now) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const end of tunnels) end.destroy();
        server.close(() => resolve());
      }),
  };
}
