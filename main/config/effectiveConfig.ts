import { readConfigJson, userConfigRaw } from './configFile';
import { type ConfigLayer, type EffectiveConfig, layerConfig } from './layers';
import { POLICY_KEY, machineConfigFile } from './managedLocations';
import { readPolicy, recordedPolicy } from './registryPolicy';
import type { ConfigEnvironment } from './schema';

export interface ConfigLocations {
  policy: string;
  machine: string | null;
  user: string;
}

export interface LoadConfigOptions {
  /** The user's config.json in the data folder. */
  userFile: string;
  env: ConfigEnvironment & {
    ProgramData?: string;
    CONSOLE_MACHINE_CONFIG?: string;
    CONSOLE_POLICY_REG_QUERY?: string;
  };
  /** Group Policy's settings; on Windows reg.exe, elsewhere none. Injected by the tests. */
  readPolicy?: (key: string) => Record<string, unknown> | undefined;
}

const noPolicy = () => undefined;

/**
 * The configuration in force: defaults < the machine's ProgramData file < the user's config.json
 * < CONSOLE_CENTRAL_URL < Group Policy. IT's layers (machine, policy) never stop the console: a bad value
 * is ignored and reported. The user's own file is refused as a whole with the reason (ConfigError), as before:
 * the person at the machine wrote it and is told what to fix.
 */
export function loadEffectiveConfig(
  options: LoadConfigOptions,
): EffectiveConfig & { locations: ConfigLocations } {
  const machineFile = machineConfigFile(options.env);
  const readPolicyFrom =
    options.readPolicy ??
    (process.platform === 'win32'
      ? readPolicy
      : options.env.CONSOLE_POLICY_REG_QUERY
        ? recordedPolicy(options.env.CONSOLE_POLICY_REG_QUERY)
        : noPolicy);
  const layers: ConfigLayer[] = [];
  if (machineFile) {
    const read = readConfigJson(machineFile);
    layers.push({
      source: 'machine',
      location: machineFile,
      raw: 'raw' in read ? read.raw : undefined,
      problems: 'problem' in read ? [read.problem] : [],
    });
  }
  const { CONSOLE_CENTRAL_URL } = options.env;
  layers.push({ source: 'user', location: options.userFile, raw: userConfigRaw(options.userFile, {}) });
  if (CONSOLE_CENTRAL_URL) {
    // Validated like the file, so a wrong value still stops the console with the reason.
    userConfigRaw(options.userFile, { CONSOLE_CENTRAL_URL });
    layers.push({
      source: 'environment',
      location: 'CONSOLE_CENTRAL_URL',
      raw: { centralUrl: CONSOLE_CENTRAL_URL },
    });
  }
  let policy: Record<string, unknown> | undefined;
  let policyProblem = null;
  try {
    policy = readPolicyFrom(POLICY_KEY);
  } catch (error) {
    policyProblem = {
      field: '',
      reason: 'unreadable',
      values: [],
      english: (error as Error).message.slice(0, 200),
    };
  }
  layers.push({
    source: 'policy',
    location: POLICY_KEY,
    raw: policy,
    problems: policyProblem ? [policyProblem] : [],
  });
  return {
    ...layerConfig(layers),
    locations: { policy: POLICY_KEY, machine: machineFile, user: options.userFile },
  };
}
