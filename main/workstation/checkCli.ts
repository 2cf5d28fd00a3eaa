import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  type ItemStatus,
  type Localized,
  type WorkstationReport,
  WorkstationProbesSchema,
  requirementsFromConfig,
} from '../../domain/workstation/workstation';
import { ITEM_TITLES } from '../../domain/workstation/workstationAdvice';
import { evaluate } from '../../domain/workstation/workstationEvaluate';
import { CONFIG_FILE_NAME, ConfigError, type ConfigEnvironment, loadEffectiveConfig } from '../config';
import { configErrorText } from '../configErrorText';
import { type NetworkPhase, measureNetwork } from './network';
import { probeMachine } from './probes';

/**
 * The readiness check for IT's deployment scripts (§28): `npm run workstation-check -- --json`, or the
 * installed app with `--workstation-check`. Exit codes: 0 ready (unknowns are listed, not failed),
 * 1 a required item fails, 2 the command or the machine config is wrong.
 */

export const EXIT_READY = 0;
export const EXIT_NOT_READY = 1;
export const EXIT_USAGE = 2;

export interface CheckCliContext {
  defaultDataDir: string;
  /** `process.versions.chrome` when running inside Electron. */
  chromeVersion: string | undefined;
  out: (text: string) => void;
  err: (text: string) => void;
  /** CONSOLE_CENTRAL_URL, as the console itself reads it (development, `npm start`); ProgramData for IT's machine file. */
  env?: ConfigEnvironment & { ProgramData?: string; CONSOLE_MACHINE_CONFIG?: string };
}

const USAGE = `Usage: workstation-check [--json] [--out FILE] [--lang ru|kk|en] [--data-dir DIR] [--central-url URL]
  --json         print the report as JSON (the packaged app on Windows has no console: use --out)
  --out FILE     also write the JSON report to FILE
  --lang         language of the table (default ru)
  --data-dir     the console's data folder, where config.json lives
  --central-url  central to test the network against (default: centralUrl from config.json)
Exit code: 0 ready, 1 a required item fails, 2 usage or config error.`;

const LangSchema = z.enum(['ru', 'kk', 'en']);
const UrlSchema = z.url({ protocol: /^https?$/ });

export async function runWorkstationCheckCli(argv: string[], context: CheckCliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((arg) => arg !== '--workstation-check'),
      // Electron in development passes the app folder ("."): positionals are ignored, unknown options are not.
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        lang: { type: 'string', default: 'ru' },
        'data-dir': { type: 'string', default: context.defaultDataDir },
        'central-url': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    context.err(`${(error as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    context.out(USAGE);
    return EXIT_READY;
  }
  const lang = LangSchema.safeParse(parsed.lang);
  const centralFlag = parsed['central-url'] === undefined ? null : UrlSchema.safeParse(parsed['central-url']);
  if (!lang.success || (centralFlag && !centralFlag.success)) {
    context.err(
      `${lang.success ? '--central-url must be an http(s) URL' : '--lang must be ru, kk or en'}\n${USAGE}`,
    );
    return EXIT_USAGE;
  }

  let config;
  try {
    // The settings the console itself would run with: Group Policy and the machine file included.
    config = loadEffectiveConfig({
      userFile: join(parsed['data-dir'], CONFIG_FILE_NAME),
      env: context.env ?? {},
    }).config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    context.err(configErrorText(error, lang.data));
    return EXIT_USAGE;
  }

  const takenAt = new Date().toISOString();
  const machine = await probeMachine({ window: null, chromeVersion: context.chromeVersion });
  const network = await measureNetwork({
    centralUrl: centralFlag?.success ? centralFlag.data : config.centralUrl,
    onProgress: parsed.json
      ? undefined
      : (p) =>
          context.err(
            `${NETWORK_PHASES.title[lang.data]}: ${NETWORK_PHASES[p.phase][lang.data]} ${Math.round(p.fraction * 100)}%`,
          ),
  });
  const report = evaluate(
    requirementsFromConfig(config.workstation),
    WorkstationProbesSchema.parse({ takenAt, ...machine, network }),
  );

  const json = JSON.stringify(report, null, 2);
  if (parsed.out) writeFileSync(parsed.out, `${json}\n`);
  context.out(parsed.json ? json : renderTable(report, lang.data));
  return report.verdict === 'not_ready' ? EXIT_NOT_READY : EXIT_READY;
}

/** The network test's progress on stderr, as the readiness screen names its phases. */
const NETWORK_PHASES: Record<NetworkPhase | 'title', Localized> = {
  title: { ru: 'Сеть', kk: 'Желі', en: 'network' },
  ping: { ru: 'задержка сети', kk: 'желі кідірісі', en: 'ping' },
  download: { ru: 'скорость загрузки', kk: 'жүктеу жылдамдығы', en: 'download' },
  upload: { ru: 'скорость отдачи', kk: 'жіберу жылдамдығы', en: 'upload' },
};

const STATUS_WORDS: Record<ItemStatus, Localized> = {
  pass: { ru: 'ДА', kk: 'ИӘ', en: 'PASS' },
  fail: { ru: 'НЕТ', kk: 'ЖОҚ', en: 'FAIL' },
  unknown: { ru: '?', kk: '?', en: '?' },
};
const VERDICTS: Record<WorkstationReport['verdict'], Localized> = {
  ready: { ru: 'готово', kk: 'дайын', en: 'ready' },
  ready_with_warnings: {
    ru: 'готово, есть предупреждения',
    kk: 'дайын, ескертулер бар',
    en: 'ready, with warnings',
  },
  not_ready: { ru: 'НЕ ГОТОВО', kk: 'ДАЙЫН ЕМЕС', en: 'NOT READY' },
};
const VIDEO_CALLS: Record<WorkstationReport['videoCalls']['state'], Localized> = {
  allowed: { ru: 'разрешены', kk: 'рұқсат етілген', en: 'allowed' },
  warned: {
    ru: 'разрешены с предупреждением',
    kk: 'ескертумен рұқсат етілген',
    en: 'allowed with a warning',
  },
  blocked: { ru: 'ЗАПРЕЩЕНЫ', kk: 'ТЫЙЫМ САЛЫНҒАН', en: 'BLOCKED' },
};
const HEADINGS: Record<
  'item' | 'value' | 'threshold' | 'verdict' | 'video' | 'optional' | 'policy',
  Localized
> = {
  item: { ru: 'Требование', kk: 'Талап', en: 'Requirement' },
  value: { ru: 'Измерено', kk: 'Өлшенді', en: 'Measured' },
  threshold: { ru: 'Порог', kk: 'Шек', en: 'Threshold' },
  verdict: { ru: 'Итог', kk: 'Қорытынды', en: 'Verdict' },
  video: { ru: 'Видеозвонки', kk: 'Бейнеқоңыраулар', en: 'Video calls' },
  optional: { ru: '(необязательно)', kk: '(міндетті емес)', en: '(optional)' },
  /** videoCallPolicy in config.json: the value stays as IT typed it there. */
  policy: { ru: 'videoCallPolicy', kk: 'videoCallPolicy', en: 'policy' },
};

/** A plain table for a person at the machine: status, item, value, threshold, then IT's advice under it. */
export function renderTable(report: WorkstationReport, lang: keyof Localized): string {
  const rows = report.items.map((item) => [
    STATUS_WORDS[item.status][lang],
    `${ITEM_TITLES[item.id][lang]}${item.required ? '' : ` ${HEADINGS.optional[lang]}`}`,
    item.valueText?.[lang] ?? '—',
    item.threshold[lang],
  ]);
  const header = ['', HEADINGS.item[lang], HEADINGS.value[lang], HEADINGS.threshold[lang]];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, col) => c.padEnd(widths[col] ?? 0))
      .join('  ')
      .trimEnd();
  const body = report.items.flatMap((item, i) => {
    const advice = item.advice ? [`      → ${item.advice.it[lang]}`] : [];
    return [line(rows[i] ?? []), ...advice];
  });
  return [
    line(header),
    ...body,
    '',
    `${HEADINGS.verdict[lang]}: ${VERDICTS[report.verdict][lang]}`,
    `${HEADINGS.video[lang]}: ${VIDEO_CALLS[report.videoCalls.state][lang]} (${HEADINGS.policy[lang]}: ${report.videoCalls.policy})`,
  ].join('\n');
}
