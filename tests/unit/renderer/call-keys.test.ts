import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import { KeysInForceContext } from '../../../renderer/commands/CommandKbd';
import { RingingCallRow } from '../../../renderer/features/calls/IncomingCalls';
import { createI18n } from '../../../renderer/i18n';
import { ConsoleStoreContext, createConsoleStore } from '../../../renderer/store';

describe("the buttons show each command's keys in force (issue 15: IT may configure others)", () => {
  afterEach(() => vi.unstubAllGlobals());

  const ringingRow = async (keysInForce: ReadonlyMap<string, string>) => {
    // The store reads the saved theme and language: nothing saved.
    vi.stubGlobal('localStorage', {
      getItem: () => null,
      setItem: () => undefined,
      removeItem: () => undefined,
    });
    const i18n = await createI18n('ru');
    const row = createElement(RingingCallRow, {
      call: {
        appealId: '0193a1b2-0000-7000-8000-000000000001',
        number: 'A-1',
        kind: 'callRequest',
        channel: 'widget',
        media: 'video',
        receivedAt: new Date().toISOString(),
        location: null,
        language: 'ru',
        escalated: false,
      },
      now: Date.now(),
      first: true,
      disabled: false,
      takesCalls: true,
    });
    // Rendering the row calls nothing on the bridge: a bridge with no methods is enough.
    const store = createConsoleStore({} as ConsoleBridge);
    return renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(
          ConsoleStoreContext.Provider,
          { value: store },
          createElement(KeysInForceContext.Provider, { value: keysInForce }, row),
        ),
      ),
    );
  };

  it("shows IT's accept key on the first ringing call, not the default", async () => {
    const html = await ringingRow(new Map([['calls.accept', 'F8']]));
    expect(html).toContain('<kbd>F8</kbd>');
    expect(html).not.toContain('Alt+A');
  });

  it('shows no key for a command not in force for this console', async () => {
    expect(await ringingRow(new Map())).not.toContain('<kbd>');
  });
});
