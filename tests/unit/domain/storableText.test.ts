import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppealIntakeSchema, ChatInputSchema } from '../../../domain/appeals/appeal';
import { CardDraftInputSchema } from '../../../domain/cards/card';
import { consoleApi } from '../../../domain/contract/ipc';
import { isStorableText, isUnstorableIssue, storableText } from '../../../domain/contract/text';
import { type ApiHandlers, invokeApi } from '../../../main/api';
import { memoryLogger } from '../../support/console';

const HIGH = '\uD83D';
const LOW = '\uDE00';

/** Text PostgreSQL cannot store (issue 11, item 2), and text that only looks unusual. */
const CASES: { name: string; text: string; storable: boolean }[] = [
  { name: 'plain Kazakh', text: 'Көмек керек, Абай көшесі 10', storable: true },
  { name: 'empty', text: '', storable: true },
  { name: 'an emoji (a surrogate pair)', text: `help ${HIGH}${LOW}`, storable: true },
  { name: 'tab, newline and other controls PostgreSQL keeps', text: 'a\tb\nc\u0001d\u007f', storable: true },
  { name: 'U+FFFF and U+FFFE', text: '\uFFFF\uFFFE', storable: true },
  { name: 'a right-to-left override', text: '\u202Eabc', storable: true },
  { name: 'a NUL character', text: 'ab\u0000c', storable: false },
  { name: 'only a NUL', text: '\u0000', storable: false },
  { name: 'a lone high surrogate at the end', text: `abc${HIGH}`, storable: false },
  { name: 'a lone low surrogate at the start', text: `${LOW}abc`, storable: false },
  { name: 'two high surrogates', text: `${HIGH}${HIGH}${LOW}`, storable: false },
  { name: 'a pair in the wrong order', text: `${LOW}${HIGH}`, storable: false },
];

describe('storable text: one refinement in domain/ for every string (issue 11, item 2)', () => {
  it.each(CASES)('$name: storable = $storable', ({ text, storable }) => {
    expect(isStorableText(text)).toBe(storable);
    const result = storableText().safeParse(text);
    expect(result.success).toBe(storable);
    if (!result.success) expect(result.error.issues.every(isUnstorableIssue)).toBe(true);
  });

  it('keeps the limits chained after it, and names the unstorable issue beside them', () => {
    const bounded = storableText().trim().min(1).max(3);
    expect(bounded.safeParse('  ab ').data).toBe('ab');
    const both = bounded.safeParse('ab\u0000cd');
    expect(both.success).toBe(false);
    expect(both.error?.issues.some(isUnstorableIssue)).toBe(true);
    expect(both.error?.issues.some((i) => i.code === 'too_big')).toBe(true);
  });

  it.each([
    [
      'a citizen appeal',
      AppealIntakeSchema,
      {
        kind: 'sos',
        channel: 'sos',
        language: 'ru',
        anonymous: true,
        location: { lat: 43.2, lon: 76.9 },
        addressText: 'x\u0000',
      },
    ],
    ['a chat line', ChatInputSchema, { text: `hello ${HIGH}` }],
    ['a card draft on the console', CardDraftInputSchema, { description: 'x\u0000' }],
    [
      'the console API (chat.send)',
      consoleApi['chat.send'].input,
      { cardId: '0193a1b2-0000-7000-8000-000000000000', text: '\u0000' },
    ],
  ])('refuses it in %s', (_what, schema, input) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some(isUnstorableIssue)).toBe(true);
  });

  it('is the only way domain/ builds a string (no bare z.string())', () => {
    const root = new URL('../../../domain/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const bare = files.filter(
      (file) =>
        !file.endsWith(join('contract', 'text.ts')) &&
        /z\s*\.\s*string\s*\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(bare).toEqual([]);
  });
});

describe('the console API refuses it with text.unstorable (issue 11, item 2)', () => {
  it('answers the refusal with the field, before any handler runs', async () => {
    // No handler is reached: the input is refused by the contract first.
    const noHandlers = {} as ApiHandlers;
    const cardId = '0193a1b2-0000-7000-8000-000000000000';
    const refused = await invokeApi(noHandlers, 'chat.send', { cardId, text: `да${HIGH}` }, memoryLogger());
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        messageKey: 'errors.unstorableText',
        refusal: { code: 'text.unstorable', params: { field: 'text' } },
      },
    });
    const other = await invokeApi(noHandlers, 'chat.send', { cardId, text: '' }, memoryLogger());
    expect(other).toMatchObject({ ok: false, error: { messageKey: 'errors.invalidInput' } });
  });
});
