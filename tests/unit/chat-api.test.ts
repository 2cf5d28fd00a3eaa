import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/session/roles';
import { createApiHandlers, invokeApi } from '../../main/api';
import { aCentralCard } from '../support/consoleStore';
import { servicesInTempDir } from '../support/console';

describe('the chat through the console API', () => {
  const opened: { cleanup(): void }[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) o.cleanup();
  });

  /** A console working in `role`, holding one card that central sent with a citizen's appeal. */
  function aConsole(role: Role) {
    const env = servicesInTempDir({ role });
    opened.push(env);
    const { services, log } = env;
    const card = aCentralCard();
    services.syncLedger.applyPull([{ seq: 1, entity: 'card', card }], 1);
    const events: string[] = [];
    services.events.subscribe((event) => events.push(event));
    const call = (method: string, input: unknown) =>
      invokeApi(createApiHandlers(services), method, input, log);
    return { card, call, events, log };
  }

  it('lets an operator send a line and list it with its sync state, and tells the renderer', async () => {
    const { card, call, events } = aConsole('operator');
    const sent = await call('chat.send', { cardId: card.id, text: '  Наряд выехал  ' });
    expect(sent).toMatchObject({
      ok: true,
      value: { ok: true, message: { text: 'Наряд выехал', sync: { state: 'sending' } } },
    });
    expect(events).toEqual(expect.arrayContaining(['chat.changed', 'sync.changed']));
    const listed = await call('chat.list', { cardId: card.id });
    expect(listed).toMatchObject({
      ok: true,
      value: { ok: true, appealId: card.appealId, messages: [{ from: 'staff', text: 'Наряд выехал' }] },
    });
  });

  it.each(['duty', 'head', 'employee'] as const)(
    'refuses the chat to a %s, who lacks appeals.chat',
    async (role) => {
      const { card, call } = aConsole(role);
      expect(await call('chat.send', { cardId: card.id, text: 'hello' })).toEqual({
        ok: true,
        value: { ok: false, refusal: 'notAllowed' },
      });
      expect(await call('chat.list', { cardId: card.id })).toEqual({
        ok: true,
        value: { ok: false, refusal: 'notAllowed' },
      });
    },
  );

  it('refuses an empty line or one over the limit with a located error', async () => {
    const { card, call } = aConsole('operator');
    for (const text of ['   ', 'x'.repeat(2001)]) {
      const result = await call('chat.send', { cardId: card.id, text });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'text' }] },
      });
    }
  });

  it('answers not_found for a card this console does not have', async () => {
    const { call } = aConsole('operator');
    const result = await call('chat.list', { cardId: aCentralCard().id });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('never writes the text of a line to the log', async () => {
    const { card, call, log } = aConsole('operator');
    await call('chat.send', { cardId: card.id, text: 'Айгерим, +7 701 555 0101' });
    expect(log.lines.join('\n')).not.toContain('Айгерим');
  });
});
