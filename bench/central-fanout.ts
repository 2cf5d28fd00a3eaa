/**
 * Fan-out: 1,000 operator WebSockets connected to one central; the time from posting one appeal until
 * every socket has it, p99 over the events. Reference: the same 1,000 clients fed one pre-serialised
 * frame by a bare `ws` server in the same run (the cost of the sockets themselves). Loopback only.
 */
import { randomUUID } from 'node:crypto';
import { WebSocket, WebSocketServer } from 'ws';
import { percentile, reportBench } from './report';
import { demoOperatorToken, spawnCentral } from './support/central-process';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const EVENTS = 40;

/** Opens `n` sockets that call `onFrame` with each frame's text; in batches so the listener is not flooded. */
async function connectAll(url: string, n: number, onFrame: (text: string) => void): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i += 100) {
    const batch = Array.from({ length: Math.min(100, n - i) }, () => {
      const ws = new WebSocket(url);
      ws.on('message', (data: Buffer) => onFrame(data.toString()));
      sockets.push(ws);
      return new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

/** Runs `EVENTS` rounds: `emit(marker)` then waits until all clients saw the marker; answers the times in ms. */
async function rounds(
  sockets: () => number,
  waitFor: { marker: string; left: number; done: () => void },
  emit: (marker: string) => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < EVENTS + 5; i++) {
    const marker = randomUUID();
    const all = new Promise<void>((resolve) =>
      Object.assign(waitFor, { marker, left: sockets(), done: resolve }),
    );
    const t0 = performance.now();
    await emit(marker);
    await all;
    if (i >= 5) times.push(performance.now() - t0); // the first rounds warm up
  }
  return times.sort((a, b) => a - b);
}

function counter() {
  const state = { marker: '', left: 0, done: () => undefined as void };
  const onFrame = (text: string) => {
    if (state.marker && text.includes(state.marker) && --state.left === 0) state.done();
  };
  return { state, onFrame };
}

// Reference: a bare ws server broadcasting one frame.
const reference = await (async () => {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  const { state, onFrame } = counter();
  const sockets = await connectAll(`ws://127.0.0.1:${port}`, CLIENTS, onFrame);
  const times = await rounds(
    () => CLIENTS,
    state,
    async (marker) => {
      const frame = JSON.stringify({ type: 'appeal.new', appeal: { id: marker, text: 'x'.repeat(400) } });
      for (const c of wss.clients) c.send(frame);
    },
  );
  for (const s of sockets) s.terminate();
  wss.close();
  return percentile(times, 99);
})();

// One process stands for 1,000 operators' workstations: not counted as one address.
const central = await spawnCentral({ rateLimitAllow: '127.0.0.1' });
try {
  const accessToken = await demoOperatorToken(central.url);
  const { state, onFrame } = counter();
  const sockets = await connectAll(
    `${central.url.replace('http', 'ws')}/ws?token=${accessToken}`,
    CLIENTS,
    onFrame,
  );
  const times = await rounds(
    () => CLIENTS,
    state,
    async (marker) => {
      const response = await fetch(`${central.url}/api/appeals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'text',
          channel: 'widget',
          language: 'kk',
          anonymous: true,
          category: 'otherOffence',
          text: `Бенчмарк ${marker}`,
          location: { lat: 43.2567, lon: 76.9286 },
        }),
      });
      if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
    },
  );
  for (const s of sockets) s.terminate();
  const p99 = percentile(times, 99);
  reportBench({
    name: 'central-fanout',
    metric: `p99 time for one new appeal to reach all ${CLIENTS} operator sockets (HTTP intake included)`,
    unit: 'ms',
    value: p99,
    reference,
    ratio: p99 / reference,
    target: 'value < 250 ms',
    pass: p99 < 250,
    extra: {
      clients: CLIENTS,
      events: EVENTS,
      p50_ms: Math.round(percentile(times, 50) * 10) / 10,
      max_ms: Math.round((times.at(-1) ?? 0) * 10) / 10,
    },
  });
} finally {
  await central.close();
}
