/**
 * Group Policy's settings as `reg query "<key>" /s` prints them, turned into the settings' shape
 * (resources/policies/console102.admx writes these value names). Parsing is pure, so it is tested on
 * recorded output (tests/fixtures/reg-query/); readPolicy() runs reg.exe for real on Windows only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type RegistryValue = string | number | string[];

/** One key of the output: its path and its values by name. */
export interface RegistryKey {
  path: string;
  values: Map<string, RegistryValue>;
}

// reg.exe separates name, type and data with four spaces; a name may itself contain spaces.
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

function decode(type: string, data: string): RegistryValue {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return Number(BigInt(data.trim()));
    case 'REG_MULTI_SZ':
      // reg.exe shows the separators between strings as the two characters \0.
      return data === '' ? [] : data.split('\\0').filter((line) => line !== '');
    default:
      return data;
  }
}

export function parseRegQuery(output: string): RegistryKey[] {
  const keys: RegistryKey[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/.test(line)) keys.push({ path: line.trim(), values: new Map() });
    const match = VALUE_LINE.exec(line);
    const current = keys.at(-1);
    if (match && current) current.values.set(match[1] ?? '', decode(match[2] ?? '', match[3] ?? ''));
  }
  return keys;
}

/** Policy value name → setting; anything else is kept under its own name, so the layering reports it. */
const VALUE_SETTINGS: Record<string, string> = {
  CentralUrl: 'centralUrl',
  TileUrl: 'map.tileUrl',
  Role: 'role',
  Territory: 'territory',
  Language: 'language',
  OfflineSignInMaxAgeHours: 'offlineSignInMaxAgeHours',
  RecordingRetentionDays: 'recordingRetentionDays',
  VideoCallPolicy: 'workstation.videoCallPolicy',
};
const TURN_VALUES = new Set(['IceServers', 'TurnUsername', 'TurnCredential']);
/** Subkeys whose values are a map: a command's keys, a readiness threshold. */
const SUBKEY_SETTINGS: Record<string, string> = {
  Hotkeys: 'hotkeys',
  ReadinessThresholds: 'workstation.thresholds',
};

/** The value names and subkeys this reader understands; the ADMX template writes no others (a test holds them together). */
export const POLICY_NAMES = {
  values: [...Object.keys(VALUE_SETTINGS), ...TURN_VALUES],
  subkeys: Object.keys(SUBKEY_SETTINGS),
};

function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const [group, name] = path.split('.') as [string, string | undefined];
  if (name === undefined) target[group] = value;
  else target[group] = { ...(target[group] as object | undefined), [name]: value };
}

/** A threshold typed as text ("2.2") is the number it reads as; everything else stays as typed. */
const numberIfNumeric = (value: RegistryValue): RegistryValue =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;

/** The settings the policy key holds (undefined when there is no policy at all). */
export function policySettings(
  keys: readonly RegistryKey[],
  policyKey: string,
): Record<string, unknown> | undefined {
  const root = keys.find((k) => k.path.toLowerCase() === expandHive(policyKey).toLowerCase());
  if (!root) return undefined;
  const settings: Record<string, unknown> = {};
  for (const [name, value] of root.values) {
    // The key's unnamed default value is no setting.
    if (TURN_VALUES.has(name) || name === '(Default)') continue;
    put(settings, VALUE_SETTINGS[name] ?? name, value);
  }
  const iceServers = root.values.get('IceServers');
  if (iceServers !== undefined) {
    const username = root.values.get('TurnUsername');
    const credential = root.values.get('TurnCredential');
    // TURN needs the shared account; STUN takes none.
    settings.iceServers = (Array.isArray(iceServers) ? iceServers : [String(iceServers)]).map((urls) =>
      urls.startsWith('turn') && username !== undefined ? { urls, username, credential } : { urls },
    );
  }
  for (const key of keys) {
    const subkey = key.path.slice(root.path.length + 1);
    if (key === root || !key.path.toLowerCase().startsWith(`${root.path.toLowerCase()}\\`)) continue;
    const setting = SUBKEY_SETTINGS[subkey];
    const map = Object.fromEntries(
      [...key.values].map(([name, value]) => [name, setting === 'hotkeys' ? value : numberIfNumeric(value)]),
    );
    put(settings, setting ?? subkey, map);
  }
  return settings;
}

const expandHive = (key: string) => key.replace(/^HKLM\\/i, 'HKEY_LOCAL_MACHINE\\');

/** Runs reg.exe (Windows only): the policy's settings, undefined when the key does not exist. */
export function readPolicy(policyKey: string): Record<string, unknown> | undefined {
  let output: string;
  try {
    output = execFileSync('reg', ['query', policyKey, '/s'], {
      encoding: 'utf8',
      timeout: 5000,
      windowsHide: true,
    });
  } catch (error) {
    // reg.exe exits with 1 when the key does not exist: no policy is set, the normal case.
    if ((error as { status?: number }).status === 1) return undefined;
    throw error;
  }
  return policySettings(parseRegQuery(output), policyKey);
}

/**
 * Group Policy as a file of recorded `reg query` output, where there is no registry (host mode on Linux, the
 * e2e tests): CONSOLE_POLICY_REG_QUERY. Never on Windows, where only the registry is the policy.
 */
export const recordedPolicy =
  (file: string) =>
  (policyKey: string): Record<string, unknown> | undefined =>
    policySettings(parseRegQuery(readFileSync(file, 'utf8')), policyKey);
