import { z } from 'zod';
import { storableText } from '../contract/text';

/**
 * Workstation readiness (§27): what a "102" workstation must have, what the probes saw, and the report.
 * The requirement set is data with defaults IT can override per machine (§28); evaluation is pure
 * (domain/workstation/workstationEvaluate.ts) so the same verdict comes out of the console, the CLI and central.
 */

/** A text shipped in every console language; reports carry all three because IT reads the JSON, not the UI. */
export const LocalizedSchema = z.object({ kk: storableText(), ru: storableText(), en: storableText() });
export type Localized = z.infer<typeof LocalizedSchema>;

// ---------------------------------------------------------------------------------------------------
// Requirements

export const VideoCallPolicySchema = z.enum(['block', 'warn']);
export type VideoCallPolicy = z.infer<typeof VideoCallPolicySchema>;

const DottedVersionSchema = storableText().regex(/^\d+(\.\d+)*$/, 'a dotted version such as 86.0.4240.183');

export const WorkstationRequirementsSchema = z
  .object({
    /** §27 says "above": a processor at exactly this clock fails. */
    processorAboveGHz: z.number().positive(),
    memoryAtLeastGiB: z.number().positive(),
    /** Windows versions accepted as a workstation OS; §27 names 8 and 10, 11 is today's successor. */
    supportedWindows: z.array(z.enum(['7', '8', '8.1', '10', '11'])).min(1),
    chromeAtLeast: DottedVersionSchema,
    firefoxAtLeast: DottedVersionSchema,
    /** Both directions, to central: a video call sends as much as it receives. */
    networkAtLeastMbps: z.number().positive(),
    /** Round trip to central; above it the console warns (the text of §27 is ambiguous, so it is configurable). */
    roundTripAtMostMs: z.number().positive(),
    videoCallPolicy: VideoCallPolicySchema,
  })
  .strict();
export type WorkstationRequirements = z.infer<typeof WorkstationRequirementsSchema>;

export const DEFAULT_REQUIREMENTS: WorkstationRequirements = {
  processorAboveGHz: 2.2,
  memoryAtLeastGiB: 8,
  supportedWindows: ['8', '8.1', '10', '11'],
  chromeAtLeast: '86.0.4240.183',
  firefoxAtLeast: '82.0.2',
  networkAtLeastMbps: 20,
  roundTripAtMostMs: 20,
  videoCallPolicy: 'warn',
};

/** What the machine config may override (config.json → `workstation`). */
export const RequirementOverridesSchema = WorkstationRequirementsSchema.partial().strict();
export type RequirementOverrides = z.infer<typeof RequirementOverridesSchema>;

export const withOverrides = (overrides: RequirementOverrides = {}): WorkstationRequirements =>
  WorkstationRequirementsSchema.parse({ ...DEFAULT_REQUIREMENTS, ...overrides });

/** The `workstation` section of the machine config (§28: IT sets the thresholds and the video-call policy). */
export const WorkstationConfigSchema = z
  .object({
    videoCallPolicy: VideoCallPolicySchema.default(DEFAULT_REQUIREMENTS.videoCallPolicy),
    thresholds: RequirementOverridesSchema.omit({ videoCallPolicy: true }).default({}),
  })
  .strict();
export type WorkstationConfig = z.infer<typeof WorkstationConfigSchema>;

export const requirementsFromConfig = (config: WorkstationConfig | undefined): WorkstationRequirements =>
  config
    ? withOverrides({ ...config.thresholds, videoCallPolicy: config.videoCallPolicy })
    : DEFAULT_REQUIREMENTS;

// ---------------------------------------------------------------------------------------------------
// Probes: the subset of systeminformation's and the browser's answers the evaluation reads.
// Field names follow systeminformation (lib/index.d.ts) and MediaDeviceInfo, so recordings fit as they are.

export const UnknownReasonSchema = z.object({
  code: z.enum([
    'probe_failed',
    'no_console_window',
    'not_reported',
    'labels_hidden',
    'not_detectable',
    'central_not_configured',
    'central_unreachable',
    /** The network test's transfers are for signed-in workstations only (central's rate limits). */
    'signed_out',
  ]),
  /** Technical detail for IT (an error message, a status code); never personal data. */
  detail: storableText().max(500).default(''),
});
export type UnknownReason = z.infer<typeof UnknownReasonSchema>;

const probe = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('state', [
    z.object({ state: z.literal('measured'), value }),
    z.object({ state: z.literal('unknown'), reason: UnknownReasonSchema }),
  ]);
export type Probe<T> = { state: 'measured'; value: T } | { state: 'unknown'; reason: UnknownReason };

/** si.cpu(): speeds in GHz; 0 when the machine does not say (typical of virtual machines). */
export const CpuProbeSchema = z.object({
  manufacturer: storableText(),
  brand: storableText(),
  speed: z.number(),
  speedMin: z.number().nullable().optional(),
  speedMax: z.number().nullable().optional(),
  cores: z.number(),
  physicalCores: z.number().optional(),
  virtualization: z.boolean().optional(),
});
/** si.mem(): bytes the OS can use (hardware reservations already subtracted). */
export const MemoryProbeSchema = z.object({ total: z.number().nonnegative() });
/** si.osInfo(). */
export const OsProbeSchema = z.object({
  platform: storableText(),
  distro: storableText(),
  release: storableText(),
  build: storableText().optional(),
  arch: storableText(),
  hostname: storableText().optional(),
  hypervizor: z.boolean().optional(),
});
/** si.audio(): on Windows `in`/`out` are null (Win32_SoundDevice does not say). */
export const AudioDeviceSchema = z.object({
  id: z.union([storableText(), z.number()]).nullable(),
  name: storableText(),
  manufacturer: storableText().nullable(),
  type: storableText().nullable(),
  in: z.boolean().nullable(),
  out: z.boolean().nullable(),
  status: storableText().nullable().optional(),
});
export type AudioDevice = z.infer<typeof AudioDeviceSchema>;
/** si.usb(): on Windows only storage, hubs, keyboards, mice and microphones are listed. */
export const UsbDeviceSchema = z.object({
  id: z.union([storableText(), z.number()]).nullable(),
  name: storableText().nullable(),
  type: storableText().nullable(),
  vendor: storableText().nullable(),
  manufacturer: storableText().nullable(),
});
export type UsbDevice = z.infer<typeof UsbDeviceSchema>;
/** navigator.mediaDevices.enumerateDevices(): labels are empty until camera/microphone permission is granted. */
export const MediaDeviceSchema = z.object({
  deviceId: storableText().max(200),
  kind: z.enum(['audioinput', 'audiooutput', 'videoinput']),
  label: storableText().max(300),
  groupId: storableText().max(200),
});
export type MediaDevice = z.infer<typeof MediaDeviceSchema>;
export const PointerProbeSchema = z.object({ finePointer: z.boolean() });
/** Whether the console window has seen a key pressed: typing is proof of a keyboard no API can list (PS/2, laptop). */
export const KeystrokeProbeSchema = z.object({ keystrokeSeen: z.boolean() });
export const BrowserProbeSchema = z.object({
  engine: z.enum(['chrome', 'firefox', 'other']),
  version: storableText(),
  /** Where the version came from: Electron's own Chromium, or the user agent of a host-mode browser. */
  source: z.enum(['electron', 'user_agent']),
});
export type BrowserProbe = z.infer<typeof BrowserProbeSchema>;
export const NetworkProbeSchema = z.object({
  downloadMbps: z.number().nonnegative(),
  uploadMbps: z.number().nonnegative(),
  /** Median of the samples: one slow sample should not fail a good link. */
  roundTripMs: z.number().nonnegative(),
  roundTripSamplesMs: z.array(z.number().nonnegative()),
  bytesDown: z.number().int().nonnegative(),
  bytesUp: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type NetworkProbe = z.infer<typeof NetworkProbeSchema>;

export const WorkstationProbesSchema = z.object({
  takenAt: z.iso.datetime(),
  cpu: probe(CpuProbeSchema),
  memory: probe(MemoryProbeSchema),
  os: probe(OsProbeSchema),
  audio: probe(z.array(AudioDeviceSchema)),
  usb: probe(z.array(UsbDeviceSchema)),
  mediaDevices: probe(z.array(MediaDeviceSchema).max(100)),
  pointer: probe(PointerProbeSchema),
  keystrokes: probe(KeystrokeProbeSchema),
  browser: probe(BrowserProbeSchema),
  network: probe(NetworkProbeSchema),
});
export type WorkstationProbes = z.infer<typeof WorkstationProbesSchema>;

/** What the console window knows and main does not: passed in with `workstation.check`. */
export const ConsoleWindowFactsSchema = z
  .object({
    userAgent: storableText().max(1000),
    mediaDevices: z.array(MediaDeviceSchema).max(100).nullable(),
    finePointer: z.boolean().nullable(),
    keystrokeSeen: z.boolean(),
  })
  .strict();
export type ConsoleWindowFacts = z.infer<typeof ConsoleWindowFactsSchema>;

// ---------------------------------------------------------------------------------------------------
// Report

export const READINESS_ITEMS = [
  'processor',
  'memory',
  'os',
  'browser',
  'soundCard',
  'camera',
  'headset',
  'mouse',
  'keyboard',
  'networkSpeed',
  'roundTrip',
] as const;
export const ReadinessItemIdSchema = z.enum(READINESS_ITEMS);
export type ReadinessItemId = z.infer<typeof ReadinessItemIdSchema>;

/** Unknown is its own status and never counts as pass: a machine that cannot tell is not a machine that passed. */
export const ItemStatusSchema = z.enum(['pass', 'fail', 'unknown']);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const ReadinessItemSchema = z.object({
  id: ReadinessItemIdSchema,
  status: ItemStatusSchema,
  /** A failed required item makes the workstation not ready; a failed optional one is a warning. */
  required: z.boolean(),
  /** Whether the item decides if this machine may take video calls. */
  forVideoCalls: z.boolean(),
  /** Measured value for programs (GHz, GiB, Mbit/s, ms, a version, a device name) and its text for people. */
  value: z.union([z.number(), storableText()]).nullable(),
  /** For people, in each language: units and the decimal separator are the language's own (2,5 ГГц). */
  valueText: LocalizedSchema.nullable(),
  threshold: LocalizedSchema,
  unknownReason: UnknownReasonSchema.nullable(),
  /** How the verdict was reached (e.g. the headset heuristics), so nobody has to guess. */
  explanation: z.array(LocalizedSchema),
  advice: z.object({ operator: LocalizedSchema, it: LocalizedSchema }).nullable(),
});
export type ReadinessItem = z.infer<typeof ReadinessItemSchema>;

export const VideoCallStateSchema = z.enum(['allowed', 'warned', 'blocked']);
export type VideoCallState = z.infer<typeof VideoCallStateSchema>;
export const VideoCallReasonSchema = z.object({
  item: ReadinessItemIdSchema.nullable(),
  status: z.enum(['fail', 'unknown', 'not_checked']),
  text: LocalizedSchema,
});
export type VideoCallReason = z.infer<typeof VideoCallReasonSchema>;
export const VideoCallReadinessSchema = z.object({
  state: VideoCallStateSchema,
  policy: VideoCallPolicySchema,
  reasons: z.array(VideoCallReasonSchema),
});
export type VideoCallReadiness = z.infer<typeof VideoCallReadinessSchema>;

export const WorkstationVerdictSchema = z.enum(['ready', 'ready_with_warnings', 'not_ready']);
export type WorkstationVerdict = z.infer<typeof WorkstationVerdictSchema>;

export const WorkstationReportSchema = z.object({
  /** 2: value texts and thresholds are per language. */
  schemaVersion: z.literal(2),
  checkedAt: z.iso.datetime(),
  /** The machine's name, so IT and the admin table know which workstation this is. */
  hostname: storableText().nullable(),
  verdict: WorkstationVerdictSchema,
  /** False off Windows: the console still runs (development), but it is not a §27 workstation; null when unknown. */
  supportedWorkstation: z.boolean().nullable(),
  items: z.array(ReadinessItemSchema),
  videoCalls: VideoCallReadinessSchema,
  requirements: WorkstationRequirementsSchema,
  probes: WorkstationProbesSchema,
});
export type WorkstationReport = z.infer<typeof WorkstationReportSchema>;

/** How far a running check is: the machine's probes, then the network test's three phases. */
export const CheckProgressSchema = z.object({
  phase: z.enum(['machine', 'ping', 'download', 'upload']),
  /** 0..1 over the whole check; only moves forward. */
  fraction: z.number().min(0).max(1),
});
export type CheckProgress = z.infer<typeof CheckProgressSchema>;

/** What the call feature asks before offering a video call. */
export const WorkstationReadinessSchema = z.object({
  videoCalls: VideoCallReadinessSchema,
  verdict: WorkstationVerdictSchema.nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
export type WorkstationReadiness = z.infer<typeof WorkstationReadinessSchema>;

// ---------------------------------------------------------------------------------------------------
// Versions

/** Compares dotted versions numerically (86.0.4240.183 < 86.0.4240.1830); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** The engine behind a user agent; Edge and Opera carry a Chrome token, which is the engine that matters. */
export function browserFromUserAgent(userAgent: string): BrowserProbe | null {
  const firefox = /Firefox\/(\d+(?:\.\d+)*)/.exec(userAgent);
  if (firefox?.[1]) return { engine: 'firefox', version: firefox[1], source: 'user_agent' };
  const chrome = /(?:Chrome|Chromium|HeadlessChrome)\/(\d+(?:\.\d+)*)/.exec(userAgent);
  if (chrome?.[1]) return { engine: 'chrome', version: chrome[1], source: 'user_agent' };
  return null;
}
