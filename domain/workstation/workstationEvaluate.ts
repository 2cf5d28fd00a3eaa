import {
  type ItemStatus,
  type Localized,
  type ReadinessItem,
  type ReadinessItemId,
  type UnknownReason,
  type WorkstationProbes,
  type WorkstationReport,
  type WorkstationRequirements,
  type WorkstationVerdict,
  READINESS_ITEMS,
  compareVersions,
} from './workstation';
import { formatNumber, inEveryLanguage, quantity, sameInEveryLanguage } from './quantity';
import { adviceFor } from './workstationAdvice';
import {
  type Finding,
  findCamera,
  findHeadset,
  findKeyboard,
  findMouse,
  findSoundOutput,
} from './workstationDevices';
import { videoCallReadiness } from './workstationVideoCalls';

/** How each item counts: required items decide readiness; video-call items decide whether calls are allowed. */
export const ITEM_RULES: Record<ReadinessItemId, { required: boolean; forVideoCalls: boolean }> = {
  processor: { required: true, forVideoCalls: true },
  memory: { required: true, forVideoCalls: true },
  os: { required: true, forVideoCalls: false },
  browser: { required: true, forVideoCalls: true },
  soundCard: { required: true, forVideoCalls: true },
  camera: { required: true, forVideoCalls: true },
  headset: { required: true, forVideoCalls: true },
  mouse: { required: true, forVideoCalls: false },
  keyboard: { required: true, forVideoCalls: false },
  networkSpeed: { required: true, forVideoCalls: true },
  /** §27 asks for the ping to be "within limits" without a number: above the limit is a warning. */
  roundTrip: { required: false, forVideoCalls: true },
};

/** Firmware and integrated graphics keep part of the installed memory: 8 GB installed shows as ~7.8 GiB usable. */
const MEMORY_RESERVE_ALLOWANCE = 0.9;
const GIB = 1024 ** 3;

type Check = {
  status: ItemStatus;
  value: number | string | null;
  valueText: Localized | null;
  threshold: Localized;
  unknownReason?: UnknownReason;
  explanation?: Localized[];
};

const unknown = (threshold: Localized, reason: UnknownReason, explanation: Localized[] = []): Check => ({
  status: 'unknown',
  value: null,
  valueText: null,
  threshold,
  unknownReason: reason,
  explanation,
});
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function checkProcessor(p: WorkstationProbes, r: WorkstationRequirements): Check {
  const threshold = quantity(r.processorAboveGHz, 'GHz', '> ');
  if (p.cpu.state === 'unknown') return unknown(threshold, p.cpu.reason);
  const { speed, speedMax, brand, manufacturer } = p.cpu.value;
  // The highest clock the processor reaches: laptops run below it at idle, and §27 is about capability.
  const clock = Math.max(speed, speedMax ?? 0);
  const name = `${manufacturer} ${brand}`.trim();
  if (clock <= 0) return unknown(threshold, { code: 'not_reported', detail: name });
  const base = quantity(speed, 'GHz');
  const max = speedMax ? quantity(speedMax, 'GHz') : sameInEveryLanguage('—');
  return {
    status: clock > r.processorAboveGHz ? 'pass' : 'fail',
    value: clock,
    valueText: inEveryLanguage((lang) => `${quantity(clock, 'GHz')[lang]} (${name})`),
    threshold,
    explanation: [
      {
        kk: `Базалық жиілік ${base.kk}, ең жоғарғы ${max.kk}; жоғарғысы салыстырылады.`,
        ru: `Базовая частота ${base.ru}, максимальная ${max.ru}; сравнивается наибольшая.`,
        en: `Base clock ${base.en}, max ${max.en}; the higher one is compared.`,
      },
    ],
  };
}

function checkMemory(p: WorkstationProbes, r: WorkstationRequirements): Check {
  const threshold = quantity(r.memoryAtLeastGiB, 'GiB', '≥ ');
  if (p.memory.state === 'unknown') return unknown(threshold, p.memory.reason);
  const gib = round(p.memory.value.total / GIB);
  const enough = quantity(round(r.memoryAtLeastGiB * MEMORY_RESERVE_ALLOWANCE), 'GiB');
  return {
    status: gib >= r.memoryAtLeastGiB * MEMORY_RESERVE_ALLOWANCE ? 'pass' : 'fail',
    value: gib,
    valueText: quantity(gib, 'GiB'),
    threshold,
    explanation: [
      {
        kk: `Жабдық сақтайтын жады ескеріледі: ${enough.kk} қолжетімді болса жеткілікті.`,
        ru: `С учётом памяти, резервируемой оборудованием: достаточно ${enough.ru} доступной.`,
        en: `Allows for memory reserved by the hardware: ${enough.en} usable is enough.`,
      },
    ],
  };
}

/** The Windows version from systeminformation's distro ("Microsoft Windows 10 Pro") or, failing that, its release. */
export function windowsVersionOf(distro: string, release: string): string | null {
  if (/server/i.test(distro)) return null;
  const named = /Windows (11|10|8\.1|8|7)\b/i.exec(distro);
  if (named?.[1]) return named[1];
  const byRelease: Record<string, string> = { '6.1': '7', '6.2': '8', '6.3': '8.1' };
  const [major, minor, build] = release.split('.');
  if (major === '10') return Number(build) >= 22000 ? '11' : '10';
  return byRelease[`${major}.${minor}`] ?? null;
}

function checkOs(p: WorkstationProbes, r: WorkstationRequirements): Check {
  const threshold = sameInEveryLanguage(`Windows ${r.supportedWindows.join(' / ')}`);
  if (p.os.state === 'unknown') return unknown(threshold, p.os.reason);
  const { platform, distro, release } = p.os.value;
  const windows = /^win/i.test(platform) ? windowsVersionOf(distro, release) : null;
  const supported = windows !== null && (r.supportedWindows as string[]).includes(windows);
  return {
    status: supported ? 'pass' : 'fail',
    value: windows ? `Windows ${windows}` : platform,
    valueText: sameInEveryLanguage(`${distro} ${release}`.trim()),
    threshold,
  };
}

function checkBrowser(p: WorkstationProbes, r: WorkstationRequirements): Check {
  const threshold = sameInEveryLanguage(`Chrome ≥ ${r.chromeAtLeast} / Firefox ≥ ${r.firefoxAtLeast}`);
  if (p.browser.state === 'unknown') return unknown(threshold, p.browser.reason);
  const { engine, version } = p.browser.value;
  const minimum = engine === 'chrome' ? r.chromeAtLeast : engine === 'firefox' ? r.firefoxAtLeast : null;
  return {
    status: minimum !== null && compareVersions(version, minimum) >= 0 ? 'pass' : 'fail',
    value: version,
    valueText: sameInEveryLanguage(
      `${engine === 'chrome' ? 'Chrome' : engine === 'firefox' ? 'Firefox' : '?'} ${version}`,
    ),
    threshold,
  };
}

function fromFinding(finding: Finding, threshold: Localized): Check {
  switch (finding.status) {
    case 'pass':
      return {
        status: 'pass',
        value: finding.device.en,
        valueText: finding.device,
        threshold,
        explanation: finding.evidence,
      };
    case 'fail':
      return { status: 'fail', value: null, valueText: null, threshold, explanation: finding.evidence };
    case 'unknown':
      return unknown(threshold, finding.reason, finding.evidence);
  }
}

function checkNetworkSpeed(p: WorkstationProbes, r: WorkstationRequirements): Check {
  const threshold = quantity(r.networkAtLeastMbps, 'Mbit/s', '≥ ');
  if (p.network.state === 'unknown') return unknown(threshold, p.network.reason);
  const { downloadMbps, uploadMbps } = p.network.value;
  const slower = round(Math.min(downloadMbps, uploadMbps));
  return {
    status: slower >= r.networkAtLeastMbps ? 'pass' : 'fail',
    value: slower,
    valueText: inEveryLanguage(
      (lang) => `↓ ${formatNumber(downloadMbps, lang)} / ${quantity(uploadMbps, 'Mbit/s', '↑ ')[lang]}`,
    ),
    threshold,
  };
}

function checkRoundTrip(p: WorkstationProbes, r: WorkstationRequirements): Check {
  const threshold = quantity(r.roundTripAtMostMs, 'ms', '≤ ');
  if (p.network.state === 'unknown') return unknown(threshold, p.network.reason);
  const ms = round(p.network.value.roundTripMs);
  return {
    status: ms <= r.roundTripAtMostMs ? 'pass' : 'fail',
    value: ms,
    valueText: quantity(ms, 'ms'),
    threshold,
  };
}

/** §27 asks for one of each device. */
const AT_LEAST_ONE = sameInEveryLanguage('≥ 1');

function checks(p: WorkstationProbes, r: WorkstationRequirements): Record<ReadinessItemId, Check> {
  return {
    processor: checkProcessor(p, r),
    memory: checkMemory(p, r),
    os: checkOs(p, r),
    browser: checkBrowser(p, r),
    soundCard: fromFinding(findSoundOutput(p.mediaDevices, p.audio), AT_LEAST_ONE),
    camera: fromFinding(findCamera(p.mediaDevices, p.usb), AT_LEAST_ONE),
    headset: fromFinding(findHeadset(p.mediaDevices, p.audio, p.usb), AT_LEAST_ONE),
    mouse: fromFinding(findMouse(p.usb, p.pointer), AT_LEAST_ONE),
    keyboard: fromFinding(findKeyboard(p.usb, p.keystrokes), AT_LEAST_ONE),
    networkSpeed: checkNetworkSpeed(p, r),
    roundTrip: checkRoundTrip(p, r),
  };
}

function verdictOf(items: ReadinessItem[]): WorkstationVerdict {
  if (items.some((i) => i.required && i.status === 'fail')) return 'not_ready';
  return items.every((i) => i.status === 'pass') ? 'ready' : 'ready_with_warnings';
}

/** The readiness report: pure, so the console, the CLI, the tests and central all reach the same verdict. */
export function evaluate(
  requirements: WorkstationRequirements,
  probes: WorkstationProbes,
): WorkstationReport {
  const results = checks(probes, requirements);
  const items: ReadinessItem[] = READINESS_ITEMS.map((id) => {
    const check = results[id];
    const reason = check.unknownReason ?? null;
    return {
      id,
      status: check.status,
      ...ITEM_RULES[id],
      value: check.value,
      valueText: check.valueText,
      threshold: check.threshold,
      unknownReason: reason,
      explanation: check.explanation ?? [],
      advice: adviceFor(id, check.status, { valueText: check.valueText, threshold: check.threshold, reason }),
    };
  });
  return {
    schemaVersion: 2,
    checkedAt: probes.takenAt,
    hostname: probes.os.state === 'measured' ? (probes.os.value.hostname ?? null) : null,
    verdict: verdictOf(items),
    supportedWorkstation: results.os.status === 'unknown' ? null : results.os.status === 'pass',
    items,
    videoCalls: videoCallReadiness(items, requirements.videoCallPolicy),
    requirements,
    probes,
  };
}
