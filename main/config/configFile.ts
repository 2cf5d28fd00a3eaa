import { existsSync, readFileSync } from 'node:fs';
import {
  ConfigError,
  type ConfigEnvironment,
  type MachineConfig,
  MachineConfigSchema,
  problemOf,
} from './schema';

/** A config.json as parsed JSON: undefined when the file is absent, a ConfigProblem when it does not parse. */
export function readConfigJson(
  file: string,
): { raw: unknown } | { problem: { field: ''; reason: 'not_json'; values: []; english: string } } {
  if (!existsSync(file)) return { raw: undefined };
  try {
    return { raw: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    return {
      problem: {
        field: '',
        reason: 'not_json',
        values: [],
        english: `not valid JSON (${(error as Error).message})`,
      },
    };
  }
}

/**
 * Reads and validates the user's config.json; a missing file means defaults, a bad one is refused with
 * the reason (the person at the machine wrote it and is told what to fix). `CONSOLE_CENTRAL_URL`, when set,
 * replaces `centralUrl` and is validated the same way.
 */
export function loadMachineConfig(file: string, env: ConfigEnvironment = {}): MachineConfig {
  return MachineConfigSchema.parse(userConfigRaw(file, env));
}

/** The user's file with the environment's override, validated as a whole; a ConfigError names every problem. */
export function userConfigRaw(file: string, env: ConfigEnvironment): Record<string, unknown> {
  const read = readConfigJson(file);
  if ('problem' in read) throw new ConfigError(file, [read.problem]);
  let raw = (read.raw ?? {}) as Record<string, unknown>;
  const source = env.CONSOLE_CENTRAL_URL ? `${file} with CONSOLE_CENTRAL_URL` : file;
  if (env.CONSOLE_CENTRAL_URL) raw = { ...raw, centralUrl: env.CONSOLE_CENTRAL_URL };
  const parsed = MachineConfigSchema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(
      source,
      parsed.error.issues.map((issue) => problemOf(issue)),
    );
  return raw;
}
