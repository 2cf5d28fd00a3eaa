import { join } from 'node:path';

/**
 * Where IT's machine-wide settings live on Windows. The product folder is electron-builder.yml's
 * productName (a test holds them together), under the vendor, as Chrome's are under Google.
 */
export const MANAGED_VENDOR = 'KZ Police';
export const MANAGED_PRODUCT = '102 Console';

/** Group Policy's key (resources/policies/console102.admx writes here). */
export const POLICY_KEY = `HKLM\\SOFTWARE\\Policies\\${MANAGED_VENDOR}\\${MANAGED_PRODUCT}`;

/** `%ProgramData%\KZ Police\102 Console\config.json`; null where there is no ProgramData (not Windows). */
export function machineConfigFile(env: {
  ProgramData?: string;
  CONSOLE_MACHINE_CONFIG?: string;
}): string | null {
  // CONSOLE_MACHINE_CONFIG lets host mode and the tests point at a machine file on any system.
  if (env.CONSOLE_MACHINE_CONFIG) return env.CONSOLE_MACHINE_CONFIG;
  return env.ProgramData ? join(env.ProgramData, MANAGED_VENDOR, MANAGED_PRODUCT, 'config.json') : null;
}
