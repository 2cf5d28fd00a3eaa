import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../central/demo/demoDepartments';
import { glossaryBreaches, stringsOf } from '../../support/glossary';

const widgetFile = new URL('../../../central/widget/text.js', import.meta.url).href;
const widget: unknown = (await import(widgetFile)).TEXT;

/** Central's words a person reads: the citizen widget and the demo names (the console's refusals: tests/unit/renderer). */
const TABLES = {
  widget: { kk: (widget as Record<string, unknown>).kk, ru: (widget as Record<string, unknown>).ru },
  demo: { kk: DEMO_ACCOUNTS.map((a) => a.displayName), ru: DEMO_ACCOUNTS.map((a) => a.displayName) },
};

describe("central's kk and ru strings use the glossary's words (docs/glossary.md)", () => {
  for (const [table, languages] of Object.entries(TABLES))
    for (const [language, strings] of Object.entries(languages))
      it(`${table} in ${language}`, () => {
        const breaches = stringsOf(strings).flatMap(([key, text]) =>
          glossaryBreaches(text).map((rule) => `${key}: «${text}» — ${rule}`),
        );
        expect(breaches).toEqual([]);
      });

  it('the rules catch what the readers found', () => {
    for (const found of [
      'Разрешите консоли камеру',
      'Фото тіркеу',
      'Оперативный центр',
      'IT-служба',
      'Зарегистрировано',
      'Служба пульта не отвечает',
      '2.4 GHz',
    ])
      expect(glossaryBreaches(found), found).not.toEqual([]);
    expect(glossaryBreaches('КІҚЖ-де тіркелді')).toEqual([]);
  });
});
