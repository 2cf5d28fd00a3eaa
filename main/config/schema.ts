import { z } from 'zod';
import { RoleSchema } from '../../domain/session/roles';
import { VideoCallPolicySchema, WorkstationConfigSchema } from '../../domain/workstation/workstation';

/**
 * The workstation's configuration (§28). Each setting is one schema here, so every layer (defaults, the
 * machine's ProgramData file, the user's config.json, Group Policy) is validated value by value
 * (main/config/layers.ts). Every field has a default, so a fresh machine runs without any file.
 */
const centralUrl = z.url({ message: 'centralUrl must be an http(s) URL' }).nullable();
const tileUrl = z
  .string()
  .regex(
    /^https?:\/\/[^\s]+\{z\}[^\s]*$/,
    'map.tileUrl must be an http(s) URL template with {z}, {x} and {y}',
  )
  .nullable();
/** STUN and TURN servers for calls, as WebRTC's RTCIceServer takes them. */
const IceServerSchema = z
  .object({
    urls: z.string().regex(/^(stun|turns?):[^\s]+$/, 'a stun:, turn: or turns: URL'),
    username: z.string().max(200).optional(),
    credential: z.string().max(200).optional(),
  })
  .strict();
/** Command id (renderer/commands/registry.ts) → keys as people read them ("Alt+N", "F2"). */
const hotkeys = z.record(
  z.string().regex(/^[a-z]+(\.[a-zA-Z]+)*$/, 'a command id such as cards.new'),
  z.string().regex(/^((Alt|Ctrl|Shift)\+)*([A-Z0-9]|F([1-9]|1[0-2])|[A-Za-z]+)$/, 'keys such as Alt+N or F2'),
);

/** The settings IT may set, by dotted path; a nested object ("map", "workstation") is not one setting. */
export const SETTING_SCHEMAS = {
  centralUrl,
  /** Until sign-in exists the console works in this role; set by Group Policy it is the role lock. */
  role: RoleSchema,
  'map.tileUrl': tileUrl,
  /** How long after its last online sign-in here an account may still sign in while central is unreachable (default 72). */
  offlineSignInMaxAgeHours: z
    .number()
    .positive()
    .max(24 * 30),
  /** Host mode's port on 127.0.0.1 (default 8103); `--port` and `CONSOLE_PORT` override it. */
  hostPort: z.number().int().min(0).max(65535),
  /** Readiness policy (§27): block or warn on a video call at a machine that fails a required item. */
  'workstation.videoCallPolicy': VideoCallPolicySchema,
  'workstation.thresholds': WorkstationConfigSchema.shape.thresholds.unwrap(),
  // A call takes at most 8 (domain/calls/iceConfig.ts).
  iceServers: z.array(IceServerSchema).max(8),
  /** The territory (central's territory id) this workstation serves. */
  territory: z.string().min(1).max(100),
  hotkeys,
  /** Days a call recording is kept on this workstation before it is removed (§ retention, default 30). */
  recordingRetentionDays: z.number().int().min(1).max(365),
  /** The interface language the console starts in; the operator may switch for the session. */
  language: z.enum(['kk', 'ru', 'en']),
} as const;
export type SettingPath = keyof typeof SETTING_SCHEMAS;
export const SETTING_PATHS = Object.keys(SETTING_SCHEMAS) as SettingPath[];

export const MachineConfigSchema = z
  .object({
    centralUrl: centralUrl.default(null),
    role: SETTING_SCHEMAS.role.default('operator'),
    map: z
      .object({ tileUrl: tileUrl.default(null) })
      .strict()
      .default({ tileUrl: null }),
    offlineSignInMaxAgeHours: SETTING_SCHEMAS.offlineSignInMaxAgeHours.optional(),
    hostPort: SETTING_SCHEMAS.hostPort.optional(),
    /** Readiness thresholds and the video-call policy (§27); absent means the §27 defaults. */
    workstation: WorkstationConfigSchema.optional(),
    iceServers: SETTING_SCHEMAS.iceServers.optional(),
    territory: SETTING_SCHEMAS.territory.optional(),
    hotkeys: SETTING_SCHEMAS.hotkeys.optional(),
    recordingRetentionDays: SETTING_SCHEMAS.recordingRetentionDays.optional(),
    language: SETTING_SCHEMAS.language.optional(),
  })
  .strict();
export type MachineConfig = z.infer<typeof MachineConfigSchema>;

/** One thing wrong with a file: the field (dotted path, '' for the whole file), why, and zod's English words. */
export interface ConfigProblem {
  field: string;
  /** A zod issue code, or 'not_json' for a file that does not parse. */
  reason: string;
  /** The allowed values, or the unknown keys, when the reason has them. */
  values: string[];
  english: string;
}

/** The message stays English for logs; configErrorText() says the same in the person's language. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `${file} is not a valid console configuration:\n  - ${problems
        .map((p) => `${p.field || '(top level)'}: ${p.english}`)
        .join('\n  - ')}`,
    );
  }
}

export const CONFIG_FILE_NAME = 'config.json';

/** Environment variables that override the file, for development and `npm start`'s demo central. */
export interface ConfigEnvironment {
  CONSOLE_CENTRAL_URL?: string;
}

/** A zod issue as a ConfigProblem: the field, the code and, when it has them, the allowed values or unknown keys. */
export function problemOf(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ConfigProblem {
  return {
    field: [...prefix, ...issue.path].map(String).join('.'),
    reason: issue.code,
    values: 'keys' in issue ? issue.keys : 'values' in issue ? issue.values.map((v) => String(v)) : [],
    english: issue.message,
  };
}
