import type { ConsoleBridge } from '../../../domain/contract/ipc';

/** Longest detail main accepts (domain/diagnostics RendererLogSchema). */
const DETAIL_MAX = 2000;

/**
 * The screens have no log file of their own: an uncaught error or rejection goes to main's log through the
 * contract, where it is redacted like main's own lines, so IT finds it in the diagnostics bundle.
 */
export function reportWindowErrors(bridge: ConsoleBridge): void {
  const send = (event: string, detail: string) =>
    void bridge.call('log.write', { level: 'error', event, detail: detail.slice(0, DETAIL_MAX) });
  window.addEventListener('error', (error) => send('window.error', error.message));
  window.addEventListener('unhandledrejection', (rejection) =>
    send('window.unhandledRejection', String(rejection.reason)),
  );
}
