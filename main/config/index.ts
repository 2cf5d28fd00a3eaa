// The workstation's configuration: its settings' schemas, the files and the Group Policy they come from.
export { CONFIG_FILE_NAME, ConfigError, MachineConfigSchema } from './schema';
export type { ConfigEnvironment, ConfigProblem, MachineConfig } from './schema';
export { loadMachineConfig } from './configFile';
export { loadEffectiveConfig } from './effectiveConfig';
export type { ConfigLocations } from './effectiveConfig';
export type { ConfigSource, EffectiveConfig, EffectiveValue, IgnoredValue } from './layers';
export { roleLockOf } from './roleLock';
export { iceServersInForce } from './iceServersInForce';
