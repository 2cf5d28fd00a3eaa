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
  const child: ChildProcess = spawn('turnserver', ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stillRunning = true;
  void exited.then(() => (stillRunning = false));

  const deadline = Date.now() + 15_000;
  while (!(await turnAnswers(host, port, 200))) {
    if (!stillRunning || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`coturn did not start on ${host}:${port}:\n${output}`);
    }
  }
  return {
    host,
    port,
    secret,
    realm,
    turnUrl: `turn:${host}:${port}?transport=udp`,
    stunUrl: `stun:${host}:${port}`,
    output: () => output,
    async stop() {
      if (stillRunning) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
