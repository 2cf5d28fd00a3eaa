import { type IpcRendererEvent, contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  type ConsoleBridge,
  type ConsoleEvent,
  type EventPayload,
  ipcChannel,
  isConsoleEvent,
  isConsoleMethod,
} from '../domain/contract/ipc';

/**
 * Exposes exactly the console API contract: one invoke per contract method, one listener per contract event.
 * Never `ipcRenderer` itself; unknown names are refused here before they reach main.
 */
const bridge: ConsoleBridge = {
  call(method, input) {
    if (!isConsoleMethod(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', messageKey: 'errors.unknownMethod' } });
    }
    return ipcRenderer.invoke(ipcChannel.method(method), input);
  },
  on<E extends ConsoleEvent>(event: E, listener: (payload: EventPayload<E>) => void) {
    if (!isConsoleEvent(event)) throw new Error(`unknown console event ${String(event)}`);
    const channel = ipcChannel.event(event);
    const forward = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
