import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CARD_CATEGORIES } from '../../domain/cards/category';
import { CATEGORY_NAMES } from '../../domain/cards/categoryNames';
import {
  DEFAULT_REQUIREMENTS,
  ItemStatusSchema,
  READINESS_ITEMS,
  UnknownReasonSchema,
  WorkstationProbesSchema,
} from '../../domain/workstation/workstation';
import { adviceFor } from '../../domain/workstation/workstationAdvice';
import { evaluate } from '../../domain/workstation/workstationEvaluate';
import { renderTable } from '../../main/workstation/checkCli';

/**
 * Every Kazakh and Russian string of the console, its readiness report, the command-line check, central and
 * the citizen widget, against the glossary (../shared/docs/glossary.md): one word per concept, the
 * Instruction's. New namespaces and new files are picked up by themselves: the translations object is
 * walked, and every source file's string literals are read.
 */

const root = join(import.meta.dirname, '../..');

/**
 * The renderer's namespaces, loaded by path: the renderer type-checks as its own DOM-only project, and a
 * namespace added there is scanned here without this file changing.
 */
const NamespacesSchema = z.record(z.string(), z.object({ kk: z.unknown(), ru: z.unknown() }));
const rendererI18n: unknown = await import(join(root, 'renderer/i18n/index.ts'));
const NAMESPACES = NamespacesSchema.parse(
  z.object({ NAMESPACES: z.unknown() }).parse(rendererI18n).NAMESPACES,
);
const text = (ns: string, lang: 'kk' | 'ru', key: string) =>
  leaves(NAMESPACES[ns]?.[lang], '').find((l) => l.where === `.${key}`)?.text;
const CYRILLIC = /[\u0400-\u04FF]/u;

interface Rule {
  name: string;
  forbidden: RegExp;
}

const RULES: Rule[] = [
  { name: 'the product is пульт, never консоль', forbidden: /консол/iu },
  {
    name: 'the digitalisation unit by its §28 name, never IT / ИТ',
    forbidden: /(?<!\p{L})(?:IT|ИТ)(?!\p{L})/u,
  },
  {
    name: 'the operations centre is ЦОУ / ЖБО, never «Оперативный центр»',
    forbidden: /оперативн\p{L}*\s+центр/iu,
  },
  {
    name: '"центр" alone is the operations centre: our server is центральная система',
    forbidden: /(?<!\p{L})центр(?:а|у|ом|е)?(?!\p{L})(?!\s+оперативного)/iu,
  },
  {
    name: '"орталық" alone is the operations centre: our server is орталық жүйе',
    forbidden: /(?<!басқару\s)(?<!\p{L})орталы(?:ққа|қтан|қта|қ)(?!\p{L})(?!\s+жүйе)/iu,
  },
  {
    name: 'служба / қызмет is a police service, never a part of our software',
    forbidden: /служб\p{L}*\s+пульт|пульт\p{L}*\s+қызмет/iu,
  },
  { name: '«102» in quotes, as the Instruction writes it', forbidden: /(?<![«\d§])102(?![»\d])/u },
  {
    name: 'the senior inspector is аға инспектор / старший инспектор',
    forbidden: /(?<!(?:аға|старш\p{L}*)\s)инспектор/iu,
  },
  {
    name: 'units in Cyrillic: ГГц, ГБ, Мбит/с, мс',
    forbidden: /(?<!\p{L})(?:GHz|GiB|GB|MB|KB|Mbit\/s|ms)(?!\p{L})/u,
  },
];

/** тіркеу is registration (КІҚЖ, ЕРДР) only: next to a photo or a file it means "attach", which is қосу. */
const ATTACHING_CONTEXT = /фото|файл|сурет|photo|file|attach/iu;
const TIRKEU = /тірке/iu;

interface Found {
  where: string;
  text: string;
}

function leaves(tree: unknown, where: string): Found[] {
  if (typeof tree === 'string') return [{ where, text: tree }];
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([key, value]) => leaves(value, `${where}.${key}`));
  return [];
}

/** Every kk and ru text anywhere inside a value: objects with kk/ru keys are the domain's Localized texts. */
function localizedTexts(value: unknown, where: string): Found[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${where}[${i}]`));
  const record = value as Record<string, unknown>;
  const own = (['kk', 'ru'] as const)
    .filter((lang) => typeof record[lang] === 'string')
    .map((lang) => ({ where: `${where}.${lang}`, text: record[lang] as string }));
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, v]) =>
      key === 'probes' ? [] : localizedTexts(v, `${where}.${key}`),
    ),
  ];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file) && !file.includes('node_modules'))
    .map((file) => join(root, dir, file));
}

/** The string literals of a source file that contain Cyrillic: the kk and ru texts written in code. */
function cyrillicLiterals(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
    if (text !== null && CYRILLIC.test(text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push({ where: `${relative(root, file)}:${line + 1}`, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function problems(found: Found[]): string[] {
  return found.flatMap(({ where, text }) => [
    ...RULES.filter((rule) => rule.forbidden.test(text)).map((rule) => `${where}: «${text}» — ${rule.name}`),
    ...(TIRKEU.test(text) && ATTACHING_CONTEXT.test(`${where} ${text}`)
      ? [`${where}: «${text}» — attaching is қосу; тіркеу is registration only`]
      : []),
  ]);
}

/** Probes where every item is unknown (no window, nothing answered), so every "could not check" text shows. */
const nothingKnown = WorkstationProbesSchema.parse({
  takenAt: '2026-01-01T00:00:00.000Z',
  ...Object.fromEntries(
    [
      'cpu',
      'memory',
      'os',
      'audio',
      'usb',
      'mediaDevices',
      'pointer',
      'keystrokes',
      'browser',
      'network',
    ].map((probe) => [probe, { state: 'unknown', reason: { code: 'probe_failed', detail: '' } }]),
  ),
});

function readinessReports() {
  const fixtures = readdirSync(join(root, 'tests/fixtures/workstation')).map((file) =>
    WorkstationProbesSchema.parse(
      JSON.parse(readFileSync(join(root, 'tests/fixtures/workstation', file), 'utf8')),
    ),
  );
  return [...fixtures, nothingKnown].map((probes) => evaluate(DEFAULT_REQUIREMENTS, probes));
}

describe('the glossary on every screen (issue 16)', () => {
  it('every kk and ru string of every renderer namespace uses the glossary words', () => {
    const found = Object.entries(NAMESPACES).flatMap(([ns, text]) => [
      ...leaves(text.kk, `${ns}:kk`),
      ...leaves(text.ru, `${ns}:ru`),
    ]);
    expect(found.length).toBeGreaterThan(300);
    expect(problems(found)).toEqual([]);
  });

  it('every readiness text — report, advice for each status and reason, the command-line table — does too', () => {
    const reports = readinessReports();
    const advice = READINESS_ITEMS.flatMap((id) =>
      ItemStatusSchema.options.flatMap((status) =>
        UnknownReasonSchema.shape.code.options.map((code) =>
          adviceFor(id, status, {
            valueText: { kk: '1', ru: '1', en: '1' },
            threshold: { kk: '1', ru: '1', en: '1' },
            reason: { code, detail: '' },
          }),
        ),
      ),
    );
    const found = [
      ...reports.flatMap((report, i) => localizedTexts(report, `report ${i}`)),
      ...localizedTexts(advice, 'advice'),
      ...reports.flatMap((report, i) =>
        (['kk', 'ru'] as const).map((lang) => ({
          where: `CLI table ${i} ${lang}`,
          text: renderTable(report, lang),
        })),
      ),
    ];
    expect(problems(found)).toEqual([]);
  });

  it('every Cyrillic string literal in domain, main, renderer, central and the citizen widget does too', () => {
    const files = ['domain', 'main', 'renderer', 'central'].flatMap(sourceFiles);
    expect(files.map((f) => relative(root, f))).toEqual(
      expect.arrayContaining([join('central', 'widget', 'widget.js'), join('central', 'widget', 'text.js')]),
    );
    expect(problems(files.flatMap(cyrillicLiterals))).toEqual([]);
  });

  it('"could not check" and "not checked yet" are two statuses with two different words', () => {
    const readiness = (lang: 'kk' | 'ru', key: string) => text('readiness', lang, key);
    expect([readiness('kk', 'status.unknown'), readiness('ru', 'status.unknown')]).toEqual([
      'Тексеру мүмкін болмады',
      'Не удалось проверить',
    ]);
    expect([readiness('kk', 'notChecked'), readiness('ru', 'notChecked')]).toEqual([
      'Әлі тексерілмеген',
      'Ещё не проверено',
    ]);
  });

  it('"registered" names its book: КІҚЖ-де тіркелді / зарегистрировано в КУИ', () => {
    expect(text('cards', 'kk', 'status.registered')).toMatch(/КІҚЖ-де тіркелді/iu);
    expect(text('cards', 'ru', 'status.registered')).toMatch(/зарегистрирован\p{L}* в КУИ/iu);
  });

  it('report kinds read as in seed 000, the same in the console and in every name the widget spells out', () => {
    for (const lang of ['kk', 'ru'] as const)
      for (const key of CARD_CATEGORIES)
        expect(text('cards', lang, `categories.${key}`)).toBe(CATEGORY_NAMES[lang][key]);
    const widget = ['widget.js', 'text.js']
      .map((file) => readFileSync(join(root, 'central/widget', file), 'utf8'))
      .join('\n');
    const spelled = CARD_CATEGORIES.flatMap((key) =>
      [...widget.matchAll(new RegExp(`\\b${key}: '([^']*)'`, 'g'))].map((m) => ({ key, name: m[1] ?? '' })),
    );
    const consoleNames = new Set<string>([
      ...Object.values(CATEGORY_NAMES.kk),
      ...Object.values(CATEGORY_NAMES.ru),
    ]);
    expect(spelled.length).toBeGreaterThanOrEqual(CARD_CATEGORIES.length * 2);
    expect(spelled.filter(({ name }) => !consoleNames.has(name))).toEqual([]);
  });
});
