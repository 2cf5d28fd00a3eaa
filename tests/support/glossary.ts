/**
 * Words docs/glossary.md forbids in kk and ru screens, each with the rule it breaks. A string breaks a rule
 * when `pattern` matches and `unless` (the context that makes the word right) does not.
 */
export interface GlossaryRule {
  rule: string;
  pattern: RegExp;
  unless?: RegExp;
}

export const GLOSSARY_RULES: readonly GlossaryRule[] = [
  { rule: 'the product is пульт, never консоль', pattern: /консол/i },
  {
    rule: 'the digitalisation unit by its §28 name, never IT',
    pattern: /(^|[^\p{L}])(IT|ИТ)([^\p{L}]|$)|IT-служб/u,
  },
  { rule: '«центр» is the ЖБО/ЦОУ by its name, not «Оперативный центр»', pattern: /оперативный центр/i },
  {
    rule: 'тіркеу means registration (КІҚЖ, ЕРДР) only; attaching is қосу',
    pattern: /тірке/i,
    unless: /КІҚЖ|ЕРДР/,
  },
  { rule: '"registered" names its book (КУИ)', pattern: /зарегистр/i, unless: /КУИ|ЕРДР/ },
  {
    rule: 'служба / қызмет is a police service, never a part of our software',
    pattern: /служба пульта|пульт қызмет/i,
  },
  {
    rule: 'units in kk/ru are ГГц, ГБ, МБ, Мбит/с, мс',
    pattern: /\d\s?(GHz|GiB|GB|MB|KB|Mbit\/s|Mbps|ms)\b/,
  },
];

/** Every rule a kk or ru string breaks. */
export function glossaryBreaches(text: string): string[] {
  return GLOSSARY_RULES.filter((r) => r.pattern.test(text) && !(r.unless?.test(text) ?? false)).map(
    (r) => r.rule,
  );
}

type Tree = { [key: string]: unknown };

/** Every string of a nested table, by its dotted path. */
export function stringsOf(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree as Tree).flatMap(([key, value]) =>
    stringsOf(value, prefix ? `${prefix}.${key}` : key),
  );
}
