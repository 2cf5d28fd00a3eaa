import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../../renderer/i18n';
import { LANGUAGES } from '../../../renderer/i18n/translations';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** Strings that are the same in every language on purpose: the names of the languages themselves. */
const SAME_EVERYWHERE = /^language\.(short\.)?(kk|ru|en)$/;

describe.each(Object.entries(NAMESPACES))('the %s strings', (_namespace, text) => {
  const english = leaves(text.en as Tree);

  it.each(LANGUAGES.filter((l) => l !== 'en'))('are all translated into %s', (language) => {
    const translated = leaves(text[language] as Tree);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of translated) {
      expect(value.trim(), `${language}:${key}`).not.toBe('');
      if (!SAME_EVERYWHERE.test(key) && /[a-z]{3,}/i.test(english.get(key) ?? '')) {
        expect(value, `${language}:${key} is still English`).not.toBe(english.get(key));
      }
    }
  });

  it('keep the same interpolation placeholders in every language', () => {
    for (const language of LANGUAGES) {
      for (const [key, value] of leaves(text[language] as Tree)) {
        const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect(placeholders(value), `${language}:${key}`).toEqual(placeholders(english.get(key) ?? ''));
      }
    }
  });
});
