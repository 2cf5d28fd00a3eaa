import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KEY } from '../../main/config/managedLocations';
import { POLICY_NAMES } from '../../main/config/registryPolicy';

const dir = join(__dirname, '../../resources/policies');
const LANGUAGES = ['en-US', 'ru-RU', 'kk-KZ'];

/** The little of the XML DOM this test reads. */
interface XmlNode {
  getElementsByTagName(tag: string): ArrayLike<XmlNode>;
  getAttribute(name: string): string | null;
  textContent: string | null;
}
type Report = (message: string) => void;
// Loaded untyped: xmldom's types pull the browser's DOM library into every Node file this project compiles.
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (options: { errorHandler: Record<'warning' | 'error' | 'fatalError', Report> }) => {
    parseFromString(text: string, type: string): XmlNode;
  };
};

/** Parses XML, failing on any error or warning (xmldom otherwise repairs what it can). */
function parse(file: string): XmlNode {
  const problems: string[] = [];
  const report = (message: string) => problems.push(message);
  const doc = new DOMParser({
    errorHandler: { warning: report, error: report, fatalError: report },
  }).parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  expect(problems, file).toEqual([]);
  return doc;
}

const all = (doc: XmlNode, tag: string) => Array.from(doc.getElementsByTagName(tag));
const admx = parse(join(dir, 'console102.admx'));
const admxText = readFileSync(join(dir, 'console102.admx'), 'utf8');

describe('the Group Policy template (ADMX with en-US, ru-RU and kk-KZ ADML)', () => {
  it('writes into the key the console reads', () => {
    for (const policy of all(admx, 'policy'))
      expect(`HKLM\\${policy.getAttribute('key') ?? ''}`).toBe(POLICY_KEY);
    for (const element of all(admx, 'list')
      .concat(all(admx, 'decimal'))
      .filter((e) => e.getAttribute('key')))
      expect(element.getAttribute('key')?.startsWith(POLICY_KEY.replace('HKLM\\', ''))).toBe(true);
  });

  it('writes only value names and subkeys the registry reader understands, and all of them', () => {
    const values = new Set(
      Array.from(admx.getElementsByTagName('*'))
        .filter((e) => e.getAttribute('valueName') && !e.getAttribute('key'))
        .map((e) => e.getAttribute('valueName')),
    );
    expect([...values].sort()).toEqual([...POLICY_NAMES.values].sort());
    const subkeys = new Set(
      Array.from(admx.getElementsByTagName('*'))
        .map((e) => e.getAttribute('key'))
        .filter((key): key is string => !!key && key !== POLICY_KEY.replace('HKLM\\', ''))
        .map((key) => key.split('\\').at(-1)),
    );
    expect([...subkeys].sort()).toEqual([...POLICY_NAMES.subkeys].sort());
  });

  it.each(LANGUAGES)(
    'has every string and presentation in %s, none in English where it should not be',
    (lang) => {
      const adml = parse(join(dir, lang, 'console102.adml'));
      const strings = new Map(all(adml, 'string').map((s) => [s.getAttribute('id'), s.textContent ?? '']));
      const presentations = new Set(all(adml, 'presentation').map((p) => p.getAttribute('id')));
      for (const [, id] of admxText.matchAll(/\$\(string\.([\w.]+)\)/g))
        expect(strings.get(id ?? ''), id).toBeTruthy();
      for (const [, id] of admxText.matchAll(/\$\(presentation\.([\w.]+)\)/g))
        expect(presentations.has(id ?? null), id).toBe(true);
      if (lang !== 'en-US') {
        // Translated, with the glossary's words for the product and the central system.
        expect(strings.get('CentralUrl')).toMatch(
          lang === 'ru-RU' ? /центральной системы/ : /[Оо]рталық жүйе/,
        );
        expect(strings.get('Console102')).toBe(lang === 'ru-RU' ? 'Пульт «102»' : '«102» пульті');
      }
    },
  );
});
