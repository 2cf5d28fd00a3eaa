/**
 * One hostile client, in a process of its own so that it does not share the measuring bench's event loop:
 * floods `POST /api/appeals` (32 in flight on kept-alive connections) and a citizen socket with pings
 * (reopened whenever central closes it) until SIGTERM; then prints one JSON line of what it sent and what
 * central answered. `node --import tsx bench/support/flood.ts <central url>`.
 */
import { Agent, request } from 'node:http';
import WebSocket from 'ws';

const base = new URL(process.argv[2] ?? '');
const IN_FLIGHT = 32;
const counts = {
  appeals201: 0,
  appeals429: 0,
  appealsOther: 0,
  socketMessages: 0,
  socketsOpened: 0,
  socketsRefused: 0,
};
let running = true;
let citizen: { id: string; citizenToken: string } | null = null;

const appeal = JSON.stringify({
  kind: 'text',
  channel: 'widget',
  language: 'ru',
  anonymous: true,
  category: 'otherOffence',
  text: 'Флуд',
  location: { lat: 43.2567, lon: 76.9286 },
});

const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
const post = () =>
  new Promise<void>((resolve) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: '/api/appeals',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(appeal) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 201) {
            counts.appeals201++;
            citizen ??= JSON.parse(Buffer.concat(chunks).toString()) as { id: string; citizenToken: string };
          } else if (res.statusCode === 429) counts.appeals429++;
          else counts.appealsOther++;
          resolve();
        });
      },
    );
    req.on('error', () => resolve());
    req.end(appeal);
  });

async function appealLoop(): Promise<void> {
  while (running) await post();
}

/** Opens the citizen's socket and sends pings until central closes it; answers when it is closed. */
function socketRound(who: { id: string; citizenToken: string }): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(
      `${base.origin.replace('http', 'ws')}/ws?appeal=${who.id}&citizenToken=${who.citizenToken}`,
    );
    ws.on('open', () => {
      counts.socketsOpened++;
      const burst = () => {
        if (ws.readyState !== WebSocket.OPEN || !running) return;
        for (let i = 0; i < 500; i++) ws.send('{"type":"ping"}');
        counts.socketMessages += 500;
        setImmediate(burst);
      };
      burst();
    });
    ws.on('unexpected-response', () => {
      counts.socketsRefused++;
      resolve();
    });
    ws.on('error', () => resolve());
    ws.on('close', () => resolve());
  });
}

async function socketLoop(): Promise<void> {
  while (running && citizen) await socketRound(citizen);
}

/** `BENCH_FLOOD`: what to flood, `appeals,sockets` by default (one of them alone to see what each costs). */
const kinds = (process.env.BENCH_FLOOD ?? 'appeals,sockets').split(',');
await post(); // the citizen whose socket floods
const loops = [
  ...(kinds.includes('appeals') ? Array.from({ length: IN_FLIGHT }, appealLoop) : []),
  ...(kinds.includes('sockets') ? [socketLoop()] : []),
];
process.on('SIGTERM', () => {
  running = false;
  void Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, 2000))]).then(() => {
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    process.exit(0);
  });
});
process.stdout.write('flooding\n');
