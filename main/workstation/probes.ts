import {
  type ConsoleWindowFacts,
  type Probe,
  type UnknownReason,
  type WorkstationProbes,
  browserFromUserAgent,
} from '../../domain/workstation/workstation';

/**
 * The machine's own answers (systeminformation) plus what the console window saw (media devices, pointer,
 * user agent). Each probe settles on its own: one that throws or hangs becomes `unknown` with the reason,
 * so a broken WMI query on one machine still leaves a complete report.
 */

export type MachineProbes = Omit<WorkstationProbes, 'network' | 'takenAt'>;

export interface MachineProbeOptions {
  /** Null when no console window took part (the CLI). */
  window: ConsoleWindowFacts | null;
  /** `process.versions.chrome`: set in Electron, absent in plain Node (host mode, CLI). */
  chromeVersion: string | undefined;
  /** systeminformation shells out to PowerShell on Windows; a hung query must not hang the check. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

const measured = <T>(value: T): Probe<T> => ({ state: 'measured', value });
const unknown = <T>(code: UnknownReason['code'], detail = ''): Probe<T> => ({
  state: 'unknown',
  reason: { code, detail: detail.slice(0, 500) },
});

async function settle<T>(run: () => Promise<T>, timeoutMs: number): Promise<Probe<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return measured(await Promise.race([run(), timeout]));
  } catch (error) {
    return unknown('probe_failed', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

function browserProbe(options: MachineProbeOptions): WorkstationProbes['browser'] {
  if (options.chromeVersion)
    return measured({ engine: 'chrome', version: options.chromeVersion, source: 'electron' });
  if (!options.window) return unknown('no_console_window');
  return measured(
    browserFromUserAgent(options.window.userAgent) ?? { engine: 'other', version: '0', source: 'user_agent' },
  );
}

export async function probeMachine(options: MachineProbeOptions): Promise<MachineProbes> {
  // Loaded at the first check, not at start: it is the heaviest module of main (bench/startup).
  const si = (await import('systeminformation')).default;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const [cpu, memory, os, audio, usb] = await Promise.all([
    settle(() => si.cpu(), timeoutMs),
    settle(async () => ({ total: (await si.mem()).total }), timeoutMs),
    settle(() => si.osInfo(), timeoutMs),
    settle(() => si.audio(), timeoutMs),
    settle(() => si.usb(), timeoutMs),
  ]);
  const { window } = options;
  return {
    cpu,
    memory,
    os,
    // systeminformation answers null instead of a list on some platforms (e.g. SunOS): that is "not known".
    audio: audio.state === 'measured' && !Array.isArray(audio.value) ? unknown('not_reported') : audio,
    usb: usb.state === 'measured' && !Array.isArray(usb.value) ? unknown('not_reported') : usb,
    mediaDevices: window?.mediaDevices ? measured(window.mediaDevices) : unknown('no_console_window'),
    pointer:
      window && window.finePointer !== null
        ? measured({ finePointer: window.finePointer })
        : unknown('no_console_window'),
    keystrokes: window ? measured({ keystrokeSeen: window.keystrokeSeen }) : unknown('no_console_window'),
    browser: browserProbe(options),
  };
}
