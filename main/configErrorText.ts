import type { ConfigError, ConfigProblem } from './config/schema';
import type { AtRestKeyError } from './store/atRestKeys';

/**
 * The startup configuration error in the language of the person at the machine: the field names stay as
 * they are written in config.json, the reasons and what to do are theirs. The English message of
 * ConfigError stays for the log.
 */
export type StartupLanguage = 'kk' | 'ru' | 'en';

/** kk or ru from a locale such as "ru-RU" or "kk_KZ.UTF-8"; Kazakh, the console's first language, otherwise. */
export function startupLanguageOf(locales: readonly (string | undefined)[]): StartupLanguage {
  for (const locale of locales) {
    const language = locale?.slice(0, 2).toLowerCase();
    if (language === 'kk' || language === 'ru' || language === 'en') return language;
  }
  return 'kk';
}

type Words = Record<StartupLanguage, string>;

export const CONFIG_ERROR_TITLE: Words = { kk: '«102» пульті', ru: 'Пульт «102»', en: '102 console' };

const HEADLINE: Words = {
  kk: '«102» пульті іске қосылмады: {file} баптау файлы қате толтырылған.',
  ru: 'Пульт «102» не запущен: файл настроек {file} заполнен неверно.',
  en: 'The 102 console did not start: the configuration file {file} is not valid.',
};

const WHAT_TO_DO: Words = {
  kk: 'Файлды түзетіңіз немесе цифрландыру және жасанды интеллект бөлінісіне хабарласыңыз.',
  ru: 'Исправьте файл или обратитесь в подразделение цифровизации и ИИ.',
  en: 'Correct the file or tell the digitalisation unit.',
};

const WHOLE_FILE: Words = { kk: 'бүкіл файл', ru: 'весь файл', en: 'the whole file' };

/** Why, by zod's issue code; `{values}` lists the allowed values or the unknown keys. */
const REASONS: Record<string, Words> = {
  not_json: { kk: 'JSON пішімінде емес', ru: 'файл не в формате JSON', en: 'not valid JSON' },
  invalid_type: { kk: 'мәннің түрі қате', ru: 'значение не того типа', en: 'a value of the wrong type' },
  unrecognized_keys: {
    kk: 'белгісіз өріс: {values}',
    ru: 'неизвестное поле: {values}',
    en: 'unknown field: {values}',
  },
  invalid_value: {
    kk: 'рұқсат етілмеген мән; рұқсат етілгені: {values}',
    ru: 'недопустимое значение; допустимы: {values}',
    en: 'not an allowed value; allowed: {values}',
  },
  too_big: { kk: 'мәні тым үлкен', ru: 'значение слишком велико', en: 'too large' },
  too_small: { kk: 'мәні тым кіші', ru: 'значение слишком мало', en: 'too small' },
};

/** Fields whose format needs saying in words: the two addresses IT types. */
const FORMATS: Record<string, Words> = {
  centralUrl: {
    kk: 'http:// немесе https:// мекенжайы болуы керек',
    ru: 'нужен адрес вида http:// или https://',
    en: 'must be an http(s) URL',
  },
  'map.tileUrl': {
    kk: '{z}, {x} және {y} бар http(s) мекенжай үлгісі болуы керек',
    ru: 'нужен шаблон адреса http(s) с {z}, {x} и {y}',
    en: 'must be an http(s) URL template with {z}, {x} and {y}',
  },
};
const WRONG_VALUE: Words = { kk: 'мәні қате', ru: 'неверное значение', en: 'wrong value' };

function reasonText(problem: ConfigProblem, lang: StartupLanguage): string {
  const words = FORMATS[problem.field]?.[lang] ?? REASONS[problem.reason]?.[lang] ?? WRONG_VALUE[lang];
  return words.replace('{values}', problem.values.join(', '));
}

export function configErrorText(error: ConfigError, lang: StartupLanguage): string {
  const lines = error.problems.map((p) => `  - ${p.field || WHOLE_FILE[lang]}: ${reasonText(p, lang)}`);
  return [HEADLINE[lang].replace('{file}', error.file), ...lines, WHAT_TO_DO[lang]].join('\n');
}

/** The at-rest key error (main/store/atRestKeys.ts): the console stops rather than make a key that orphans data. */
const KEY_HEADLINE: Record<AtRestKeyError['reason'], Words> = {
  missing: {
    kk: '«102» пульті іске қосылмады: дербес деректерді ашатын кілт табылмады ({file}).',
    ru: 'Пульт «102» не запущен: не найден ключ, которым зашифрованы персональные данные ({file}).',
    en: 'The 102 console did not start: the key that encrypted the personal data is missing ({file}).',
  },
  wrong: {
    kk: '«102» пульті іске қосылмады: {file} кілті осы деректерді ашпайды.',
    ru: 'Пульт «102» не запущен: ключ {file} не подходит к этим данным.',
    en: 'The 102 console did not start: the key in {file} does not open this data.',
  },
  unreadable: {
    kk: '«102» пульті іске қосылмады: {file} кілт файлы бүлінген.',
    ru: 'Пульт «102» не запущен: файл ключа {file} повреждён.',
    en: 'The 102 console did not start: the key file {file} is damaged.',
  },
  unavailable: {
    kk: '«102» пульті іске қосылмады: операциялық жүйе кілтті қорғай алмайды ({file}).',
    ru: 'Пульт «102» не запущен: операционная система не может защитить ключ ({file}).',
    en: 'The 102 console did not start: the operating system cannot protect the key ({file}).',
  },
};

const KEY_WHAT_TO_DO: Words = {
  kk: 'Жаңа кілт жасалмады, деректер сақталған. Кілт файлын сақтық көшірмеден қалпына келтіріңіз немесе цифрландыру және жасанды интеллект бөлінісіне хабарласыңыз.',
  ru: 'Новый ключ не создан, данные сохранены. Восстановите файл ключа из резервной копии или обратитесь в подразделение цифровизации и ИИ.',
  en: 'No new key was made and the data is kept. Restore the key file from a backup or tell the digitalisation unit.',
};

export function atRestKeyErrorText(error: AtRestKeyError, lang: StartupLanguage): string {
  return [KEY_HEADLINE[error.reason][lang].replace('{file}', error.where), KEY_WHAT_TO_DO[lang]].join('\n');
}
