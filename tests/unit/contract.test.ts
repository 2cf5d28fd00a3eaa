import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_METHODS, consoleApi } from '../../domain/contract/ipc';
import { createApiHandlers, invokeApi } from '../../main/api';
import { aDraft, servicesInTempDir } from '../support/console';

describe('the console API contract', () => {
  let env: ReturnType<typeof servicesInTempDir>;
  const call = (method: unknown, input: unknown) =>
    invokeApi(createApiHandlers(env.services), method, input, env.log);

  beforeEach(() => {
    env = servicesInTempDir();
  });
  afterEach(() => env.cleanup());

  it('declares an input and an output schema for every method', () => {
    for (const method of CONSOLE_METHODS) {
      expect(consoleApi[method].input).toBeDefined();
      expect(consoleApi[method].output).toBeDefined();
    }
  });

  it('saves a valid draft and returns it with a provisional number', async () => {
    const result = await call('cards.saveDraft', aDraft());
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.value).toMatchObject({ localNumber: 1, status: 'draft', category: 'roadAccident' });
  });

  it('refuses a method that is not in the contract', async () => {
    const result = await call('cards.deleteEverything', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_method', messageKey: 'errors.unknownMethod' },
    });
  });

  it('refuses a method name inherited from Object.prototype', async () => {
    const result = await call('toString', {});
    expect(result.ok).toBe(false);
  });

  it.each([
    [
      'a latitude outside -90..90',
      aDraft({ location: { lat: 200, lon: 71, source: 'typed' } }),
      'location.lat',
    ],
    [
      'a longitude that is not a number',
      { ...aDraft(), location: { lat: 51, lon: 'east', source: 'typed' } },
      'location.lon',
    ],
    ['an unknown category', { ...aDraft(), category: 'alienAbduction' }, 'category'],
    ['an unknown field', { ...aDraft(), applicantPassport: '123' }, ''],
    ['a description over the limit', aDraft({ description: 'x'.repeat(4001) }), 'description'],
    ['a card id that is not a UUID', aDraft({ id: '../../etc/passwd' }), 'id'],
  ])('refuses %s with a clear, located error', async (_name, input, path) => {
    const result = await call('cards.saveDraft', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.messageKey).toBe('errors.invalidInput');
    expect(result.error.issues?.map((i) => i.path)).toContain(path);
    expect(result.error.issues?.every((i) => i.message.length > 0)).toBe(true);
  });

  it('answers not_found for a card that does not exist, and keeps serving', async () => {
    const missing = await call('cards.get', { id: '0190f0f0-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.cardNotFound' },
    });
    const list = await call('cards.list', {});
    expect(list).toEqual({ ok: true, value: [] });
  });

  it('pushes a cards.changed event when a draft is saved', async () => {
    const seen: string[] = [];
    env.services.events.subscribe((event, payload) => {
      if (event === 'cards.changed')
        seen.push((payload as { card: { description: string } }).card.description);
    });
    await call('cards.saveDraft', aDraft({ description: 'Noise at night' }));
    expect(seen).toEqual(['Noise at night']);
  });

  it('never writes citizen text to the log', async () => {
    await call('cards.saveDraft', aDraft({ description: 'Applicant Aigerim, phone +7 701 000 0000' }));
    await call('cards.saveDraft', { ...aDraft({ description: 'Applicant Aigerim' }), extra: 1 });
    expect(env.log.lines.join('\n')).not.toContain('Aigerim');
  });
});
