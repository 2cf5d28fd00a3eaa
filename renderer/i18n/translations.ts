/** The same tree of keys as the English source, with every leaf a string: a missing translation fails to compile. */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> };

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface FeatureTranslations<T> {
  en: T;
  ru: Translations<T>;
  kk: Translations<T>;
}

export function defineTranslations<T>(
  en: T,
  ru: Translations<T>,
  kk: Translations<T>,
): FeatureTranslations<T> {
  return { en, ru, kk };
}
