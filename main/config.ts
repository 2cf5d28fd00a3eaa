import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { RoleSchema } from '../domain/session/roles';
import { WorkstationConfigSchema } from '../domain/workstation/workstation';

/**
 * The workstation's configuration, set by IT (§28): `config.json` in the data folder.
 * Every field has a default, so a fresh machine runs without one.
 */
export const MachineConfigSchema = z
  .object({
    centralUrl: z.url({ message: 'centralUrl must be an http(s) URL' }).nullable().default(null),
    /** Until sign-in exists the console works in this role. */
    role: RoleSchema.default('operator'),
    map: z
      .object({
        tileUrl: z
          .string()
          .regex(
            /^https?:\/\/[^\s]+\{z\}[^\s]*$/,
            'map.tileUrl must be an http(s) URL template with {z}, {x} and {y}',
          )
          .nullable()
          .default(null),
      })
      .strict()
      .default({ tileUrl: null }),
    /** How long after its last online sign-in here an account may still sign in while central is unreachable (default 72). */
    offlineSignInMaxAgeHours: z
      .number()
      .positive()
      .max(24 * 30)
      .optional(),
    /** Host mode's port on 127.0.0.1 (default 8103); `--port` and `CONSOLE_PORT` override it. */
    hostPort: z.number().int().min(0).max(65535).optional(),
    /** Readiness thresholds and the video-call policy (§27); absent means the §27 defaults. */
    workstation: WorkstationConfigSchema.optional(),
  })
  .strict();
export type MachineConfig = z.infer<typeof MachineConfigSchema>;

/** One thing wrong with the file: the field (dotted path, '' for the whole file), why, and zod's English words. */
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

/**
 * Reads and validates the machine configuration; a missing file means defaults, a bad one is refused with
 * the reason. `CONSOLE_CENTRAL_URL`, when set, replaces `centralUrl` and is validated the same way.
 */
export function loadMachineConfig(file: string, env: ConfigEnvironment = {}): MachineConfig {
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(file, [
        {
          field: '',
          reason: 'not_json',
          values: [],
          english: `not valid JSON (${(error as Error).message})`,
        },
      ]);
    }
  }
  const source = env.CONSOLE_CENTRAL_URL ? `${file} with CONSOLE_CENTRAL_URL` : file;
  if (env.CONSOLE_CENTRAL_URL) raw = { ...raw, centralUrl: env.CONSOLE_CENTRAL_URL };
  const parsed = MachineConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        reason: issue.code,
        values: 'keys' in issue ? issue.keys : 'values' in issue ? issue.values.map((v) => String(v)) : [],
        english: issue.message,
      })),
    );
  }
  return parsed.data;
}
