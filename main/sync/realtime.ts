import WebSocket from 'ws';
import { z } from 'zod';
import { type ClientMessage, REALTIME_CLOSE_CODES } from '../../domain/contract/realtime';
import type { Logger } from '../log';
import { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import type { TokenSource } from '../central/tokens';

/**
 * The one thing the console takes from a realtime message: that the feed moved. The card or message it
 * carries is not used (the pull brings it, checked there), so it is not parsed: a console coming back online
 * gets one such message per card it had buffered.
 */
const FeedMovedSchema = z.object({ type: z.enum(['card.changed', 'feed.moved', 'chat.message']) });

export interface RealtimeLink {
  start(): void;
  stop(): void;
  /** Sends a frame to central now; false while the socket is not open (nothing is queued). */
  send(message: ClientMessage): boolean;
  /**
   * While on (the operator is in a call), a lost socket is tried again every HURRY_MS instead of backing off:
   * a call survives a blip of a few seconds only if its signalling comes back as soon as the network does.
   */
  hurry(on: boolean): void;
}

/** The retry delay while hurried; one console in a call, so no herd to spread. */
const HURRY_MS = 250;

/**
 * The console's one realtime socket to central, owned by main. It reconnects by itself; every
 * (re)connection and every change central announces triggers a pull, so the feed stays the one truth.
 */
export function createRealtimeLink(deps: {
  centralUrl: string;
  tokens: TokenSource;
  log: Logger;
  onUp(up: boolean): void;
  onNudge(): void;
  /** Every frame central sends, parsed as JSON, for the parts of main that act on others (calls). */
  onMessage?(json: unknown): void;
  backoff?: BackoffPolicy;
}): RealtimeLink {
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  let socket: WebSocket | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let stopped = true;
  let hurried = false;

  const schedule = () => {
    if (stopped) return;
    failures++;
    const delay = hurried ? HURRY_MS : Math.max(backoffDelay(policy, failures), 200);
    timer = setTimeout(() => void connect(), delay);
  };

  async function connect(): Promise<void> {
    timer = null;
    if (stopped) return;
    const token = await deps.tokens.accessToken();
    if (!token) return schedule();
    const url = new URL('/ws', deps.centralUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    const ws = new WebSocket(url, { handshakeTimeout: 10_000 });
    socket = ws;
    ws.on('open', () => {
      failures = 0;
      deps.onUp(true);
      deps.onNudge();
    });
    ws.on('message', (data: WebSocket.RawData) => {
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return;
      }
      // A card or chat line moved: the engine pulls it. Every frame also goes to whoever listens for news
      // (calls, the inbox, the supervisor's view of the centre, which counts cards too).
      if (FeedMovedSchema.safeParse(json).success) deps.onNudge();
      deps.onMessage?.(json);
    });
    ws.on('unexpected-response', (_req, res) => {
      if (res.statusCode === 401) deps.tokens.refused();
      ws.terminate();
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      if (socket === ws) socket = null;
      // Central ended the session or the token: the next try refreshes first, and a refused refresh signs
      // this console out (main/session/session.ts) instead of retrying with a dead token.
      if (code === REALTIME_CLOSE_CODES.sessionRevoked || code === REALTIME_CLOSE_CODES.tokenExpired) {
        deps.tokens.refused();
        failures = 0;
      }
      deps.onUp(false);
      schedule();
    });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void connect();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.terminate();
      socket = null;
    },
    hurry(on) {
      hurried = on;
      // A retry already waiting out a long backoff is brought forward.
      if (on && timer && !stopped) {
        clearTimeout(timer);
        timer = setTimeout(() => void connect(), HURRY_MS);
      }
    },
    send(message) {
      if (socket?.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
  };
}
