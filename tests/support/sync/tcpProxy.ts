import { type AddressInfo, type Socket, connect, createServer } from 'node:net';

/**
 * A loopback TCP proxy between a console and central that the test controls: point it at central or
 * nowhere (central "down"), drop every open connection, and cut the answer to a push after central has
 * applied it (the first bytes of the response are the proof that it did).
 */
export interface TcpProxy {
  url: string;
  setTarget(port: number | null): void;
  dropAll(): void;
  /** Called on the first response bytes to each `POST /api/sync/push`; answer 'cut' to drop the connection there. */
  onPushAnswer: (() => 'pass' | 'cut') | null;
  /**
   * Called with the first line of each request before it is forwarded; answer 'cut' to drop the connection
   * instead, or 'hold' to keep the request (and what follows on its connection) here until `releaseHeld()`.
   */
  onRequest: ((requestLine: string) => 'pass' | 'cut' | 'hold') | null;
  /** Forwards every held request. */
  releaseHeld(): void;
  /** Everything central answered to pushes that reached the console (or were cut), in order. */
  pushAnswers: string[];
  close(): Promise<void>;
}

export async function startTcpProxy(): Promise<TcpProxy> {
  let target: number | null = null;
  const pairs = new Set<[Socket, Socket]>();
  const held: (() => void)[] = [];
  const proxy: TcpProxy = {
    url: '',
    setTarget: (port) => {
      target = port;
    },
    dropAll() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      pairs.clear();
    },
    onPushAnswer: null,
    onRequest: null,
    releaseHeld() {
      for (const release of held.splice(0)) release();
    },
    pushAnswers: [],
    close: () =>
      new Promise<void>((resolve) => {
        proxy.dropAll();
        server.close(() => resolve());
      }),
  };
  const server = createServer((client) => {
    if (target === null) {
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    let awaitingPushAnswer = false;
    let answerIndex = -1;
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    let holding: Buffer[] | null = null;
    client.on('data', (chunk: Buffer) => {
      if (holding) return void holding.push(chunk);
      answerIndex = -1;
      const head = chunk.subarray(0, 200).toString('latin1');
      const decision = /^[A-Z]+ \//.test(head) ? proxy.onRequest?.(head.split('\r\n')[0] ?? '') : 'pass';
      if (decision === 'cut') return end();
      if (head.startsWith('POST /api/sync/push')) awaitingPushAnswer = true;
      if (decision === 'hold') {
        const kept: Buffer[] = [chunk];
        holding = kept;
        held.push(() => {
          holding = null;
          for (const c of kept) upstream.write(c);
        });
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (awaitingPushAnswer) {
        awaitingPushAnswer = false;
        answerIndex = proxy.pushAnswers.push('') - 1;
        if (proxy.onPushAnswer?.() === 'cut') return end();
      }
      if (answerIndex >= 0) proxy.pushAnswers[answerIndex] += chunk.toString('utf8');
      client.write(chunk);
    });
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
