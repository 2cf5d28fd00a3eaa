import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';

/** Central answered, but not as the network test expects (a status, a wrong byte count). */
export class CentralAnswerError extends Error {}

/** The three exchanges of the network test with central's `/api/net` routes, over one kept-alive connection. */
export interface NetClient {
  /** One round trip to `/api/net/ping`, in milliseconds. */
  ping(): Promise<number>;
  /** Receives `bytes` from `/api/net/download`, counting them as they arrive. */
  download(bytes: number): Promise<void>;
  /** Sends `body` to `/api/net/upload` and checks central counted all of it. */
  upload(body: Buffer): Promise<void>;
  close(): void;
}

const UploadAnswerSchema = z.object({ bytes: z.number() });

/**
 * Node's own HTTP client rather than fetch: fetch adds milliseconds per request and buffers whole bodies,
 * which on a busy workstation shows up as a slower network than the wire really is.
 */
export function createNetClient(base: string, timeoutMs: number, token: string): NetClient {
  const secure = base.startsWith('https:');
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 1 })
    : new http.Agent({ keepAlive: true, maxSockets: 1 });

  /** One request; resolves with the status and the body's byte count (and the text of a small body). */
  const exchange = (path: string, method: 'GET' | 'POST', body?: Buffer) =>
    new Promise<{ status: number; bytes: number; text: string }>((resolve, reject) => {
      const url = new URL(`${base}${path}`);
      const options: http.RequestOptions = {
        agent,
        method,
        timeout: timeoutMs,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/octet-stream', 'content-length': body.length } : {}),
        },
      };
      const onResponse = (res: http.IncomingMessage) => {
        let bytes = 0;
        const small: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes <= 4096) small.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, text: Buffer.concat(small).toString() }),
        );
        res.on('error', reject);
      };
      const req = secure ? https.request(url, options, onResponse) : http.request(url, options, onResponse);
      req.on('timeout', () => {
        const timeout = new Error('no answer in time');
        timeout.name = 'TimeoutError';
        req.destroy(timeout);
      });
      req.on('error', reject);
      req.end(body);
    });

  const expectOk = (status: number, route: string) => {
    if (status !== 200) throw new CentralAnswerError(`HTTP ${status} from ${route}`);
  };

  return {
    async ping() {
      const started = performance.now();
      const { status } = await exchange('/api/net/ping', 'GET');
      expectOk(status, '/api/net/ping');
      return performance.now() - started;
    },
    async download(bytes) {
      const answer = await exchange(`/api/net/download?bytes=${bytes}`, 'GET');
      expectOk(answer.status, '/api/net/download');
      if (answer.bytes !== bytes)
        throw new CentralAnswerError(`download returned ${answer.bytes} of ${bytes} bytes`);
    },
    async upload(body) {
      const answer = await exchange('/api/net/upload', 'POST', body);
      expectOk(answer.status, '/api/net/upload');
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(answer.text);
      } catch {
        // not JSON: reported below as an upload central did not count
      }
      const counted = UploadAnswerSchema.safeParse(parsed);
      const got = counted.success ? counted.data.bytes : 'none';
      if (got !== body.length)
        throw new CentralAnswerError(`upload acknowledged ${got} of ${body.length} bytes`);
    },
    close: () => agent.destroy(),
  };
}
