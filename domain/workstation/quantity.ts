import type { Localized } from './workstation';

/**
 * Measured quantities as people read them in each language: Cyrillic unit symbols and a decimal comma in
 * Kazakh and Russian (glossary: ГГц, ГБ, Мбит/с, мс), Latin ones in English. The number goes through
 * Intl.NumberFormat, so the separator is the language's own; the unit words are ours, since Intl has no
 * gigahertz and writes "Мбит/с" differently across ICU versions.
 */
export type Unit = 'GHz' | 'GiB' | 'Mbit/s' | 'ms';

export const UNIT_SYMBOLS: Record<Unit, Localized> = {
  GHz: { kk: 'ГГц', ru: 'ГГц', en: 'GHz' },
  GiB: { kk: 'ГБ', ru: 'ГБ', en: 'GiB' },
  'Mbit/s': { kk: 'Мбит/с', ru: 'Мбит/с', en: 'Mbit/s' },
  ms: { kk: 'мс', ru: 'мс', en: 'ms' },
};

export type Lang = keyof Localized;

/** A number as the language writes it, at most `digits` decimals: 2,5 in kk and ru, 2.5 in en. */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/** Builds one text per language from a function of the language. */
export const inEveryLanguage = (text: (lang: Lang) => string): Localized => ({
  kk: text('kk'),
  ru: text('ru'),
  en: text('en'),
});

/** "2,5 ГГц" / "2.5 GHz". */
export const quantity = (value: number, unit: Unit, prefix = ''): Localized =>
  inEveryLanguage((lang) => `${prefix}${formatNumber(value, lang)} ${UNIT_SYMBOLS[unit][lang]}`);

/** The same text in every language (versions, device names, Windows editions). */
export const sameInEveryLanguage = (text: string): Localized => inEveryLanguage(() => text);
