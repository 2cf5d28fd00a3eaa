import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import type { ServerMessage } from '../../../domain/contract/realtime';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A small HTTP client for central: JSON in, JSON out, status always returned (never thrown). */
export function api(baseUrl: string) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      raw?: string | Buffer;
      contentType?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (e.g. a download): keep the text.
    }
    return { status: response.status, body: parsed as T };
  };
}
export type Api = ReturnType<typeof api>;

export async function loginAs(call: Api, login: string, password = login): Promise<string> {
  const r = await call<{ accessToken: string }>('POST', '/api/auth/login', { body: { login, password } });
  if (r.status !== 200) throw new Error(`login ${login} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/** A department's vehicle systems sign in at their own door (`POST /api/units/auth`), never the console's. */
export async function loginAsIntegration(call: Api, login: string, password = login): Promise<string> {
  const r = await call<{ accessToken: string }>('POST', '/api/units/auth', { body: { login, password } });
  if (r.status !== 200) throw new Error(`login ${login} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/** A WebSocket that collects every message, with a wait for the first one matching. */
export async function openSocket(baseUrl: string, query: string) {
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws?${query}`);
  const messages: ServerMessage[] = [];
  const waiters: { test: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as ServerMessage;
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.test(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    send: (m: unknown) => ws.send(JSON.stringify(m)),
    next<T extends ServerMessage['type']>(
      type: T,
      where: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
      timeoutMs = 5000,
    ) {
      const test = (m: ServerMessage) => m.type === type && where(m as Extract<ServerMessage, { type: T }>);
      const seen = messages.find(test);
      if (seen) return Promise.resolve(seen as Extract<ServerMessage, { type: T }>);
      return new Promise<Extract<ServerMessage, { type: T }>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          test,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m as Extract<ServerMessage, { type: T }>);
          },
        });
      });
    },
    close: () => ws.close(),
  };
}

/**
 * POSTs JSON from a chosen source address: every 127.x.y.z reaches the loopback, so a test can be a client
 * elsewhere on the network (an outsider at 127.0.0.66, the officer at 127.0.0.1).
 */
export function postFrom(
  baseUrl: string,
  localAddress: string,
  path: string,
  body: unknown,
): Promise<Reply & { retryAfter: string | undefined }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL(path, baseUrl),
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const header = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
            retryAfter: typeof header === 'string' ? header : undefined,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
