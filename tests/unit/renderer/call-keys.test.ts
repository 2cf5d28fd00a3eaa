import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RingingCallRow } from '../../../renderer/features/calls/IncomingCalls';
import { aRingingCall } from './aRingingCall';
import { renderInConsole } from './renderInConsole';

describe("the buttons show each command's keys in force (issue 15: IT may configure others)", () => {
  afterEach(() => vi.unstubAllGlobals());

  const ringingRow = (keysInForce: ReadonlyMap<string, string>) =>
    renderInConsole(
      createElement(RingingCallRow, {
        call: aRingingCall(1),
        now: Date.now(),
        first: true,
        disabled: false,
        takesCalls: true,
      }),
      { language: 'ru', keysInForce },
    );

  it("shows IT's accept key on the first ringing call, not the default", async () => {
    const html = await ringingRow(new Map([['calls.accept', 'F8']]));
    expect(html).toContain('<kbd>F8</kbd>');
    expect(html).not.toContain('Alt+A');
  });

  it('shows no key for a command not in force for this console', async () => {
    expect(await ringingRow(new Map())).not.toContain('<kbd>');
  });
});
