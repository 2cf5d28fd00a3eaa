import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { turnAnswers } from './turnAllocate';

/** A real coturn on loopback with the shared-secret scheme central uses (README "Calls: STUN/TURN"). */
export interface Coturn {
  host: string;
  port: number;
  secret: string;
  realm: string;
  /** turn:/stun: URLs to configure central with. */
  turnUrl: string;
  stunUrl: string;
  output(): string;
  /**
   * Stops the server (a network blip on the media path: every allocation, and so every relayed path, is gone)
   * and `resume` starts it again on the same port with the same secret, as a restarted TURN server would be.
   */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

/** Starts `turnserver` in the foreground (no daemon, no TLS) on a random port; resolves once it answers. */
export async function startCoturn(): Promise<Coturn> {
  const dir = await mkdtemp(join(tmpdir(), 'coturn-'));
  const host = '127.0.0.1';
  const port = await freeUdpPort();
  // The relay range sits just above the listening port, away from the ephemeral range other tests use.
  const relayBase = 20_000 + Math.floor(Math.random() * 20_000);
  const secret = randomBytes(24).toString('base64');
  const realm = '102.test';
  const config = [
    `listening-ip=${host}`,
    `relay-ip=${host}`,
    `listening-port=${port}`,
    `min-port=${relayBase}`,
    `max-port=${relayBase + 200}`,
    'use-auth-secret',
    `static-auth-secret=${secret}`,
    `realm=${realm}`,
    'fingerprint',
    'no-tls',
    'no-dtls',
    'no-cli',
    'no-tcp-relay',
    'allow-loopback-peers',
    `userdb=${join(dir, 'turndb')}`,
    `pidfile=${join(dir, 'turnserver.pid')}`,
    'log-file=stdout',
    'simple-log',
  ].join('\n');
  const configFile = join(dir, 'turnserver.conf');
  await writeFile(configFile, `${config}\n`, { mode: 0o600 });
  let output = '';
  let stillRunning = false;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  async function run(): Promise<void> {
    const started: ChildProcess = spawn('turnserver', ['-c', configFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    stillRunning = true;
    started.stdout?.on('data', (chunk) => (output += chunk));
    started.stderr?.on('data', (chunk) => (output += chunk));
    exited = new Promise<void>((done) => started.once('exit', () => done()));
    void exited.then(() => {
      if (child === started) stillRunning = false;
    });
    const deadline = Date.now() + 15_000;
    while (!(await turnAnswers(host, port, 200))) {
      if (!stillRunning || Date.now() > deadline) {
        started.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
        throw new Error(`coturn did not start on ${host}:${port}:\n${output}`);
      }
    }
  }
  async function halt(): Promise<void> {
    if (!stillRunning || !child) return;
    // SIGKILL: a blip, not a tidy shutdown (coturn's SIGTERM waits for its allocations to drain).
    child.kill('SIGKILL');
    await exited;
  }
  await run();
  return {
    host,
    port,
    secret,
    realm,
    turnUrl: `turn:${host}:${port}?transport=udp`,
    stunUrl: `stun:${host}:${port}`,
    output: () => output,
    pause: halt,
    resume: run,
    async stop() {
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
