import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CheckProgress,
  type ConsoleWindowFacts,
  type WorkstationReadiness,
  type WorkstationReport,
  type WorkstationRequirements,
  WorkstationProbesSchema,
  WorkstationReportSchema,
} from '../../domain/workstation/workstation';
import { evaluate } from '../../domain/workstation/workstationEvaluate';
import type { WorkstationFleet } from '../../domain/workstation/workstationFleet';
import { readinessOf } from '../../domain/workstation/workstationVideoCalls';
import type { Logger } from '../log';
import type { WorkstationCentral } from './centralReports';
import { measureNetwork } from './network';
import { probeMachine } from './probes';

/** Workstation readiness in main: runs the probes, evaluates, keeps the last report across restarts. */
export interface WorkstationService {
  lastReport(): WorkstationReport | null;
  /** Runs every probe now; a second call while one runs joins it instead of testing the network twice. */
  check(window: ConsoleWindowFacts | null): Promise<WorkstationReport>;
  readiness(): WorkstationReadiness;
  /** Sends the last report to central again, e.g. once someone signs in after the start-up check. */
  publishLast(): void;
  /** Every workstation's last report, for the digitalisation unit (§28). */
  fleet(): Promise<WorkstationFleet>;
  /**
   * The operator typed in the console window: a keyboard is present, whatever the system's device list
   * said. Re-decides the last report from its own probes (no new network test); null before any report.
   */
  keystrokeSeen(): WorkstationReport | null;
}

export interface WorkstationServiceOptions {
  dataDir: string;
  centralUrl: string | null;
  /** The signed-in account's token for the network test's transfers; none before sign-in. */
  accessToken?: () => Promise<string | null>;
  requirements: WorkstationRequirements;
  /** `process.versions.chrome` in Electron; undefined in plain Node. */
  chromeVersion: string | undefined;
  log: Logger;
  now: () => Date;
  /** Null when the console has no central (then reports stay on this machine). */
  central: WorkstationCentral | null;
  onProgress(progress: CheckProgress): void;
  onReport(report: WorkstationReport, readiness: WorkstationReadiness): void;
}

export const REPORT_FILE_NAME = 'workstation-report.json';
const KEYS_PRESSED = { state: 'measured', value: { keystrokeSeen: true } } as const;

/** The machine's own probes take this share of the progress bar; the network test the rest. */
const MACHINE_SHARE = 0.3;

/** Reads the stored report; a missing, unreadable or outdated file is simply no report. */
export function readStoredReport(file: string, log: Logger): WorkstationReport | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = WorkstationReportSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: handled below like any other invalid file
  }
  log.warn('workstation.reportIgnored', { reason: 'invalid' });
  return null;
}

export function createWorkstationService(options: WorkstationServiceOptions): WorkstationService {
  const file = join(options.dataDir, REPORT_FILE_NAME);
  let last = readStoredReport(file, options.log);
  let running: Promise<WorkstationReport> | null = null;
  /** A key has been pressed in the console window since this service started. */
  let typedOn = false;

  // A report that cannot be saved (disk full, no rights) still answers this session; the log says why.
  const store = (report: WorkstationReport) => {
    try {
      mkdirSync(options.dataDir, { recursive: true });
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(report));
      renameSync(temp, file);
    } catch (error) {
      options.log.warn('workstation.reportNotSaved', {
        code: (error as NodeJS.ErrnoException).code ?? 'unknown',
      });
    }
  };

  const accept = (report: WorkstationReport) => {
    last = report;
    store(report);
    options.onReport(report, readinessOf(report, options.requirements.videoCallPolicy));
    void options.central?.publish(report);
  };

  const run = async (window: ConsoleWindowFacts | null): Promise<WorkstationReport> => {
    const takenAt = options.now().toISOString();
    options.onProgress({ phase: 'machine', fraction: 0 });
    const machine = await probeMachine({ window, chromeVersion: options.chromeVersion });
    options.onProgress({ phase: 'machine', fraction: MACHINE_SHARE });
    const network = await measureNetwork({
      centralUrl: options.centralUrl,
      accessToken: options.accessToken,
      onProgress: (p) =>
        options.onProgress({ phase: p.phase, fraction: MACHINE_SHARE + (1 - MACHINE_SHARE) * p.fraction }),
    });
    // Parsing keeps only the fields the report promises (no USB serial numbers) and proves the shape.
    // A key pressed while this check ran is kept: the window's facts were collected before it.
    const keystrokes = typedOn ? KEYS_PRESSED : machine.keystrokes;
    const probes = WorkstationProbesSchema.parse({ takenAt, ...machine, keystrokes, network });
    const report = evaluate(options.requirements, probes);
    options.log.info('workstation.checked', {
      verdict: report.verdict,
      videoCalls: report.videoCalls.state,
      failed: report.items.filter((i) => i.status === 'fail').length,
      unknown: report.items.filter((i) => i.status === 'unknown').length,
    });
    accept(report);
    return report;
  };

  return {
    lastReport: () => last,
    check(window) {
      running ??= run(window).finally(() => {
        running = null;
      });
      return running;
    },
    readiness: () => readinessOf(last, options.requirements.videoCallPolicy),
    publishLast() {
      if (last) void options.central?.publish(last);
    },
    fleet: async () => options.central?.fleet() ?? { state: 'unavailable', reason: 'central_not_configured' },
    keystrokeSeen() {
      typedOn = true;
      if (!last) return null;
      const keyboard = last.items.find((i) => i.id === 'keyboard');
      if (keyboard?.status === 'pass') return last;
      accept(evaluate(options.requirements, { ...last.probes, keystrokes: KEYS_PRESSED }));
      return last;
    },
  };
}
