import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import { KeysInForceContext } from '../../../renderer/commands/CommandKbd';
import { createI18n } from '../../../renderer/i18n';
import { type ConsoleState, ConsoleStoreContext, createConsoleStore } from '../../../renderer/store';

/** The store reads the saved theme and language: nothing saved (undo with vi.unstubAllGlobals). */
export function stubEmptyLocalStorage(): void {
  vi.stubGlobal('localStorage', {
    getItem: () => null,
    setItem: () => undefined,
    removeItem: () => undefined,
  });
}

/**
 * A piece of the console rendered to HTML as the frame provides it: the language, a store holding `state`, and
 * the keys in force. Rendering calls nothing on the bridge, so a bridge with no methods is enough.
 */
export async function renderInConsole(
  element: ReactElement,
  options: {
    language: 'ru' | 'kk';
    keysInForce: ReadonlyMap<string, string>;
    state?: Partial<ConsoleState>;
  },
): Promise<string> {
  stubEmptyLocalStorage();
  const i18n = await createI18n(options.language);
  const store = createConsoleStore({} as ConsoleBridge);
  if (options.state) {
    store.setState(options.state);
    // A server render reads the store's initial state (useSyncExternalStore's server snapshot): make it this one.
    const now = store.getState();
    store.getInitialState = () => now;
  }
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(
        ConsoleStoreContext.Provider,
        { value: store },
        createElement(KeysInForceContext.Provider, { value: options.keysInForce }, element),
      ),
    ),
  );
}
