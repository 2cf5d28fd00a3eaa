import {
  type ApiResult,
  BRIDGE_GLOBAL,
  type ConsoleBridge,
  type ConsoleEvent,
  type EventPayload,
  consoleEvents,
  isConsoleEvent,
} from '../domain/ipc';
import { HOST_API_PATH, type WireCall, WireServerMessageSchema } from '../domain/ipcWire';

/** Whether the renderer can reach main: always `open` in Electron; in host mode it follows the WebSocket. */
export type TransportState = 'connecting' | 'open' | 'lost';

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

function createWebSocketTransport(secret: string | null): Transport {
  const stateListeners = new Set<(state: TransportState) => void>();
  const eventListeners = new Map<ConsoleEvent, Set<(payload: unknown) => void>>();
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let state: TransportState = 'connecting';
  const setState = (next: TransportState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const url = new URL(HOST_API_PATH, window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('secret', secret ?? '');
  const socket = new WebSocket(url);
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => {
      setState('open');
      resolve(true);
    });
    socket.addEventListener('close', () => {
      setState('lost');
      resolve(false);
      for (const settle of pending.values()) settle(unavailable());
      pending.clear();
    });
  });
  socket.addEventListener('message', (frame) => {
    const parsed = WireServerMessageSchema.safeParse(JSON.parse(String(frame.data)));
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (isConsoleEvent(message.event)) {
      const payload = consoleEvents[message.event].safeParse(message.payload);
      if (payload.success) for (const listener of eventListeners.get(message.event) ?? []) listener(payload.data);
    }
  });

  const bridge: ConsoleBridge = {
    async call(method, input) {
      if (!(await opened)) return unavailable();
      const id = nextId++;
      const call: WireCall = { kind: 'call', id, method, input };
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: ApiResult<unknown>) => void);
        socket.send(JSON.stringify(call));
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
