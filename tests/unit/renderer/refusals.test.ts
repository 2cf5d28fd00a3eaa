import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CARD_CATEGORIES } from '../../../domain/cards/category';
import {
  REFUSAL_CODES,
  REFUSALS,
  type RefusalCode,
  type RefusalParams,
} from '../../../domain/contract/refusal';
import { describeRefusal } from '../../../renderer/features/refusals';
import { createI18n, NAMESPACES } from '../../../renderer/i18n';
import { LANGUAGES } from '../../../renderer/i18n/translations';
import { glossaryBreaches, stringsOf } from '../../support/glossary';

/** The widget's table, read as central serves it (plain JavaScript, no types of its own). */
const WidgetTextSchema = z.record(
  z.enum(['kk', 'ru']),
  z.looseObject({
    refusals: z.record(z.string(), z.string()),
    categories: z.record(z.string(), z.string()),
  }),
);
const widgetFile = new URL('../../../central/widget/text.js', import.meta.url).href;
const widget = WidgetTextSchema.parse((await import(widgetFile)).TEXT);

/** One refusal of every code with parameters a real refusal would have; the compiler checks completeness. */
const EXAMPLES: { [C in RefusalCode]: RefusalParams<C> } = {
  'role.forbidden': { role: 'inspector', action: 'sendToInspector' },
  'card.otherTerritory': {},
  'auth.wrongCredentials': {},
  'auth.throttled': { retryAfterSeconds: 8 },
  'auth.sessionEnded': {},
  'password.tooShort': { min: 12 },
  'password.tooLong': { max: 256 },
  'password.common': {},
  'password.containsLogin': {},
  'password.repetitive': {},
  'auth.disabled': {},
  'auth.required': {},
  'auth.expired': {},
  'card.notFound': {},
  'card.exists': {},
  'card.closed': {},
  'card.sentNotEditable': {},
  'card.stale': { version: 4, baseVersion: 3 },
  'card.missingForSend': { fields: ['description', 'category', 'place'] },
  'card.wrongStatus': { action: 'register', status: 'draft' },
  'card.urgentNotForService': {},
  'card.kuizhNumberMissing': {},
  'card.outsideCountry': {},
  'department.unknown': { departmentId: 'kz-atlantis' },
  'department.notFound': {},
  'recording.exists': {},
  'recording.otherCall': {},
  'auth.notForConsole': {},
  'auth.integrationOnly': {},
  'unit.notFound': {},
  'unit.idTaken': {},
  'unit.otherDepartment': {},
  'unit.tooFrequent': { retryAfterMs: 400 },
  'unit.positionInvalid': {},
  'unit.outsideCountry': {},
  'unit.positionStale': { maxAgeSeconds: 60 },
  'unit.positionFuture': {},
  'unit.notFree': { callSign: 'ALAMED-11', status: 'enRoute' },
  'op.unstorable': {},
  'op.conflict': {},
  'appeal.notFound': {},
  'appeal.invalid': { field: 'text', problem: 'empty' },
  'attachment.empty': {},
  'attachment.tooLarge': { kind: 'photo', maxBytes: 10 * 1024 * 1024 },
  'attachment.unsupported': { kind: 'voice' },
  'attachment.tooMany': { max: 10 },
  'attachment.notFound': {},
  'attachment.purged': {},
  'attachment.unreadable': {},
  'call.notFound': {},
  'call.taken': {},
  'call.notAccepted': {},
  'call.notYours': {},
  'inbox.claimed': {},
  'inbox.notWaiting': {},
  'inbox.notForwardable': {},
  'service.notFound': {},
  'service.idTaken': {},
  'account.notFound': {},
  'account.loginTaken': {},
  'account.ownAccount': {},
  'territory.unknownDepartments': { departmentIds: ['kz-atlantis', 'kz-lemuria'] },
  'territory.repeatedDepartment': { departmentId: 'kz-almaty' },
  'territory.notJson': {},
  'territory.tooLarge': { maxBytes: 20 * 1024 * 1024 },
  'territory.wrongShape': { path: 'features.0.geometry.type' },
  'territory.selfIntersecting': { departmentId: 'kz-almaty-medeu' },
  'territory.outsideCountry': { departmentId: 'kz-almaty-medeu' },
  'upload.notFound': {},
  'upload.chunkOutOfOrder': { next: 3 },
  'upload.chunkSize': { index: 2, bytes: 65536 },
  'upload.hashMismatch': {},
  'sync.operationFailed': {},
  'request.invalid': { part: 'body' },
  'request.malformed': {},
  'request.tooLarge': {},
  'request.tooDeep': { maxDepth: 32 },
  'text.unstorable': { field: 'text' },
  'rate.limited': { retryAfterSeconds: 30 },
  'route.notFound': {},
  internal: {},
};

type Tree = { [key: string]: string | Tree };
const lookup = (tree: unknown, code: string): unknown =>
  code.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('every refusal code has a text in every language (domain/contract/refusal.ts)', () => {
  it.each(REFUSAL_CODES)('%s: the console has kk, ru and en; the widget kk and ru', (code) => {
    for (const language of LANGUAGES) {
      const text = lookup(NAMESPACES.refusals[language], code);
      expect(typeof text === 'string' && text.trim() !== '', `console ${language}: ${code}`).toBe(true);
    }
    for (const language of ['kk', 'ru'] as const) {
      expect(widget[language]?.refusals[code]?.trim(), `widget ${language}: ${code}`).toBeTruthy();
    }
  });

  it('has an example for every code, valid against its parameters', () => {
    for (const code of REFUSAL_CODES)
      expect(REFUSALS[code].safeParse(EXAMPLES[code]).success, code).toBe(true);
  });

  it.each(LANGUAGES)(
    'the console shows each refusal whole in %s: no code, no placeholder, no English',
    async (language) => {
      const i18n = await createI18n(language);
      const t = i18n.getFixedT(language);
      for (const code of REFUSAL_CODES) {
        const text = describeRefusal(t, language, { code, params: EXAMPLES[code] });
        expect(text, code).not.toMatch(/\{\{|refusals:|undefined/);
        expect(text, code).not.toContain(code);
        if (language !== 'en')
          expect(text, `${language}: ${code}`).not.toMatch(/\b(the|card|role|may not)\b/i);
      }
    },
  );

  it('translates the parameters: the role, the step and the fields in the reader’s words', async () => {
    const i18n = await createI18n('ru');
    const t = i18n.getFixedT('ru');
    expect(describeRefusal(t, 'ru', { code: 'role.forbidden', params: EXAMPLES['role.forbidden'] })).toBe(
      'Роли «Старший инспектор» это не разрешено: отправить старшему инспектору.',
    );
    expect(
      describeRefusal(t, 'ru', { code: 'card.missingForSend', params: EXAMPLES['card.missingForSend'] }),
    ).toBe('Перед отправкой заполните: описание, категория и место (на карте или адрес).');
    const kk = (await createI18n('kk')).getFixedT('kk');
    expect(describeRefusal(kk, 'kk', { code: 'card.outsideCountry', params: {} })).toBe(
      'Оқиға орны Қазақстаннан тыс. Координаттарды немесе мекенжайды тексеріңіз.',
    );
  });

  it('shows a general text, never English, for a code it does not know or a refusal without a code', async () => {
    const t = (await createI18n('kk')).getFixedT('kk');
    expect(describeRefusal(t, 'kk', { code: 'card.fromTheFuture', params: {} })).toBe(
      'Орталық жүйе бас тартты (код card.fromTheFuture).',
    );
    expect(describeRefusal(t, 'kk', { code: 'card.stale', params: { version: 'x' } })).toContain('код');
    expect(describeRefusal(t, 'kk', null)).toBe('Орталық жүйе өзгерісті қабылдамады.');
  });
});

describe('the refusals use the glossary’s words in kk and ru (docs/glossary.md)', () => {
  it.each(['kk', 'ru'] as const)('%s', (language) => {
    const breaches = stringsOf(NAMESPACES.refusals[language]).flatMap(([key, text]) =>
      glossaryBreaches(text).map((rule) => `${key}: «${text}» — ${rule}`),
    );
    expect(breaches).toEqual([]);
  });
});

describe('report kinds read the same in the console and the widget (seed 000)', () => {
  it.each(['kk', 'ru'] as const)('%s', (language) => {
    const console = NAMESPACES.cards[language].categories;
    for (const category of CARD_CATEGORIES)
      expect(widget[language]?.categories[category], category).toBe(console[category]);
  });
});
