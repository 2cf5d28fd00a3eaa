import http from 'node:http';
import https from 'node:https';

/** Central answered, but not as the network test expects (a status, a wrong byte count). */
export class CentralAnswerError extends Error {}

export interface Pinger {
  /** One round trip to `/api/net/ping`, in milliseconds. */
  ping(): Promise<number>;
  close(): void;
}

/**
 * Round trips over one kept-alive connection with Node's own HTTP client: fetch adds milliseconds of its
 * own per request (more on a busy machine), which a 20 ms limit cannot afford to count as network.
 */
export function createPinger(base: string, timeoutMs: number): Pinger {
  const url = new URL(`${base}/api/net/ping`);
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 1 })
    : new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (onResponse: (res: http.IncomingMessage) => void) =>
    secure
      ? https.request(url, { agent, timeout: timeoutMs }, onResponse)
      : http.request(url, { agent, timeout: timeoutMs }, onResponse);

  return {
    ping: () =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const req = send((res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new CentralAnswerError(`HTTP ${res.statusCode} from /api/net/ping`)),
          );
        });
        req.on('timeout', () => {
          const timeout = new Error('no answer in time');
          timeout.name = 'TimeoutError';
          req.destroy(timeout);
        });
        req.on('error', reject);
        req.end();
      }),
    close: () => agent.destroy(),
  };
}
