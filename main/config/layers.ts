import {
  type ConfigProblem,
  type MachineConfig,
  MachineConfigSchema,
  SETTING_PATHS,
  SETTING_SCHEMAS,
  type SettingPath,
  problemOf,
} from './schema';

/** Where a value came from, lowest priority first; a policy value cannot be changed by the user. */
export const CONFIG_SOURCES = ['default', 'machine', 'user', 'environment', 'policy'] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

export interface ConfigLayer {
  source: Exclude<ConfigSource, 'default'>;
  /** A file path or a registry key, shown to IT. */
  location: string;
  /** The layer as read: an object of settings; anything else is reported and ignored. */
  raw: unknown;
  /** Problems found while reading (a file that does not parse, a registry that cannot be read). */
  problems?: ConfigProblem[];
}

export interface IgnoredValue extends ConfigProblem {
  source: ConfigLayer['source'];
  location: string;
}

export interface EffectiveValue {
  field: SettingPath;
  value: unknown;
  source: ConfigSource;
}

export interface EffectiveConfig {
  config: MachineConfig;
  /** Every setting with the value in force and where it came from. */
  values: EffectiveValue[];
  /** Bad values each layer had: ignored, with the reason (no values: they may be credentials). */
  ignored: IgnoredValue[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const valueAt = (raw: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), raw);

/** Keys that are neither a setting nor a group of settings, as dotted paths. */
function unknownKeys(raw: Record<string, unknown>): string[] {
  const groups = new Set(SETTING_PATHS.filter((p) => p.includes('.')).map((p) => p.split('.')[0]));
  const known = new Set<string>(SETTING_PATHS);
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (groups.has(key) && isObject(value)) {
      for (const inner of Object.keys(value))
        if (!known.has(`${key}.${inner}`)) unknown.push(`${key}.${inner}`);
    } else if (!known.has(key) && !groups.has(key)) unknown.push(key);
  }
  return unknown;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let at = target;
  for (const key of keys) at = (at[key] ??= {}) as Record<string, unknown>;
  at[last] = value;
}

/**
 * Layers the settings: each value is validated on its own, so one bad value is ignored (and reported)
 * while the rest of its layer still counts; a later layer wins over an earlier one.
 */
export function layerConfig(layers: readonly ConfigLayer[]): EffectiveConfig {
  const chosen = new Map<SettingPath, { value: unknown; source: ConfigLayer['source'] }>();
  const ignored: IgnoredValue[] = [];
  for (const layer of layers) {
    const ignore = (problem: ConfigProblem) =>
      ignored.push({ ...problem, source: layer.source, location: layer.location });
    for (const problem of layer.problems ?? []) ignore(problem);
    if (layer.raw === undefined) continue;
    if (!isObject(layer.raw)) {
      ignore({ field: '', reason: 'invalid_type', values: [], english: 'not an object of settings' });
      continue;
    }
    for (const field of unknownKeys(layer.raw))
      ignore({ field, reason: 'unrecognized_keys', values: [field], english: `unknown setting ${field}` });
    for (const path of SETTING_PATHS) {
      const value = valueAt(layer.raw, path);
      if (value === undefined) continue;
      const parsed = SETTING_SCHEMAS[path].safeParse(value);
      if (parsed.success) chosen.set(path, { value: parsed.data, source: layer.source });
      else
        ignore(
          problemOf(
            parsed.error.issues[0] ?? { code: 'custom', path: [], message: 'invalid', input: value },
            path.split('.'),
          ),
        );
    }
  }
  const merged: Record<string, unknown> = {};
  for (const [path, { value }] of chosen) setAt(merged, path, value);
  const config = MachineConfigSchema.parse(merged);
  const values = SETTING_PATHS.map((field) => ({
    field,
    value: valueAt(config as Record<string, unknown>, field) ?? null,
    source: chosen.get(field)?.source ?? ('default' as const),
  }));
  return { config, values, ignored };
}
