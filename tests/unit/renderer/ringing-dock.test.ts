import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncomingCalls, RINGING_SHOWN } from '../../../renderer/features/calls/IncomingCalls';
import { aRingingCall } from './aRingingCall';
import { renderInConsole } from './renderInConsole';

describe('the ringing-calls dock with more calls than an operator reads', () => {
  afterEach(() => vi.unstubAllGlobals());

  const dock = (language: 'ru' | 'kk', calls: number) =>
    renderInConsole(createElement(IncomingCalls, { takesCalls: true }), {
      language,
      keysInForce: new Map([['section.inbox', 'Alt+4']]),
      state: { ringing: Array.from({ length: calls }, (_, n) => aRingingCall(n)) },
    });
  const rows = (html: string) => html.split('data-testid="ringing-call"').length - 1;

  it('shows the most urgent first and says how many more wait in the inbox, in ru and kk', async () => {
    const ru = await dock('ru', RINGING_SHOWN + 5);
    expect(rows(ru)).toBe(RINGING_SHOWN);
    expect(ru).toContain('A-0');
    expect(ru).not.toContain(`A-${RINGING_SHOWN}<`);
    expect(ru).toContain('Ещё ждут ответа: 5');
    expect(ru).toContain('<kbd>Alt+4</kbd>');
    expect(await dock('kk', RINGING_SHOWN + 5)).toContain('Тағы жауап күтуде: 5');
  });

  it('shows every call and no "more" line when they fit', async () => {
    const html = await dock('ru', 3);
    expect(rows(html)).toBe(3);
    expect(html).not.toContain('data-testid="ringing-more"');
  });
});
