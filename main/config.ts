import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { RoleSchema } from '../domain/roles';
import { WorkstationConfigSchema } from '../domain/workstation';

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
    /** Readiness thresholds and the video-call policy (§27); absent means the §27 defaults. */
    workstation: WorkstationConfigSchema.optional(),
  })
  .strict();
export type MachineConfig = z.infer<typeof MachineConfigSchema>;

export class ConfigError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file} is not a valid console configuration:\n  - ${problems.join('\n  - ')}`);
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
      throw new ConfigError(file, [`not valid JSON (${(error as Error).message})`]);
    }
  }
  const source = env.CONSOLE_CENTRAL_URL ? `${file} with CONSOLE_CENTRAL_URL` : file;
  if (env.CONSOLE_CENTRAL_URL) raw = { ...raw, centralUrl: env.CONSOLE_CENTRAL_URL };
  const parsed = MachineConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`),
    );
  }
  return parsed.data;
}
