import {
  type ApiResult,
  BRIDGE_GLOBAL,
  type ConsoleBridge,
  type ConsoleEvent,
  type EventPayload,
  consoleEvents,
  isConsoleEvent,
} from '../domain/contract/ipc';
import {
  HOST_API_PATH,
  HOST_SECRET_CHECK_PATH,
  type WireCall,
  WireServerMessageSchema,
} from '../domain/contract/ipcWire';

/**
 * Whether the renderer can reach main: always `open` in Electron; in host mode it follows the WebSocket, and
 * `refused` means the console runs but this tab's secret is not its own (an old or mistyped address).
 */
export type TransportState = 'connecting' | 'open' | 'lost' | 'refused';

export interface Transport {
  bridge: ConsoleBridge;
  onState(listener: (state: TransportState) => void): () => void;
}

const SECRET_KEY = 'console102.hostSecret';

/** Host mode puts the per-run secret in the URL fragment; keep it for reloads and take it out of the address bar. */
function takeHostSecret(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('secret');
  if (fromHash) {
    sessionStorage.setItem(SECRET_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(SECRET_KEY);
}

const unavailable = <T>(): ApiResult<T> => ({
  ok: false,
  error: { code: 'unavailable', messageKey: 'errors.unavailable' },
});

/** The first retry is quick (a restart takes a second or two); later ones back off so a stopped console costs nothing. */
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * The contract over host mode's WebSocket. When the console goes away the tab keeps everything it holds
 * and reconnects with backoff to the same address (the port and the secret survive a restart); calls made
 * meanwhile wait for the console, calls that were in flight when it went away answer `unavailable`.
 */
function createWebSocketTransport(secret: string | null): Transport {
  const stateListeners = new Set<(state: TransportState) => void>();
  const eventListeners = new Map<ConsoleEvent, Set<(payload: unknown) => void>>();
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let waitingForOpen: (() => void)[] = [];
  let nextId = 1;
  let state: TransportState = 'connecting';
  let socket: WebSocket | null = null;
  let retryDelay = RECONNECT_FIRST_MS;
  const setState = (next: TransportState) => {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const url = new URL(HOST_API_PATH, window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('secret', secret ?? '');

  const onMessage = (frame: MessageEvent) => {
    let data: unknown;
    try {
      data = JSON.parse(String(frame.data));
    } catch {
      return;
    }
    const parsed = WireServerMessageSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (isConsoleEvent(message.event)) {
      const payload = consoleEvents[message.event].safeParse(message.payload);
      if (payload.success)
        for (const listener of eventListeners.get(message.event) ?? []) listener(payload.data);
    }
  };

  /** Only a console that answers "not this secret" stops the retries; no answer at all is a console away. */
  const secretRefused = async () => {
    try {
      const answer = await fetch(HOST_SECRET_CHECK_PATH, { method: 'POST', body: secret ?? '' });
      return answer.status === 401;
    } catch {
      return false;
    }
  };

  const connect = () => {
    const next = new WebSocket(url);
    let opened = false;
    socket = next;
    next.addEventListener('message', onMessage);
    next.addEventListener('open', () => {
      opened = true;
      retryDelay = RECONNECT_FIRST_MS;
      setState('open');
      const waiting = waitingForOpen;
      waitingForOpen = [];
      for (const resume of waiting) resume();
    });
    next.addEventListener('close', () => {
      for (const settle of pending.values()) settle(unavailable());
      pending.clear();
      void (async () => {
        if (!opened && (await secretRefused())) return setState('refused');
        setState('lost');
        setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RECONNECT_MAX_MS);
      })();
    });
  };
  connect();

  const bridge: ConsoleBridge = {
    async call(method, input) {
      if (state !== 'open') await new Promise<void>((resume) => waitingForOpen.push(resume));
      const id = nextId++;
      const call: WireCall = { kind: 'call', id, method, input };
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: ApiResult<unknown>) => void);
        socket?.send(JSON.stringify(call));
      });
    },
    on<E extends ConsoleEvent>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = eventListeners.get(event) ?? new Set();
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      eventListeners.set(event, set);
      return () => {
        set.delete(untyped);
      };
    },
  };
  return {
    bridge,
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}

/** The typed console API over whichever transport this renderer runs on; nothing else knows which. */
export function connectTransport(): Transport {
  const electronBridge = (window as unknown as Record<string, ConsoleBridge | undefined>)[BRIDGE_GLOBAL];
  if (electronBridge) {
    return {
      bridge: electronBridge,
      onState(listener) {
        listener('open');
        return () => undefined;
      },
    };
  }
  return createWebSocketTransport(takeHostSecret());
}
