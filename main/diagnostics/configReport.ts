import type { About } from '../../domain/diagnostics/diagnostics';
import type { ConfigLocations, EffectiveConfig } from '../config';
import { layerConfig } from '../config/layers';
import { POLICY_KEY } from '../config/managedLocations';

export type ConfigReport = EffectiveConfig & { locations: ConfigLocations };

/** TURN's shared password is a credential: IT sees that one is set, never what it is. */
const maskCredentials = (key: string, value: unknown) =>
  key === 'credential' && typeof value === 'string' ? '••••••' : value;

/** The configuration as the About screen and the bundle show it: each value as JSON text, with its source. */
export function describeConfig(report: ConfigReport): Pick<About, 'locations' | 'values' | 'ignored'> {
  return {
    locations: report.locations,
    values: report.values.map(({ field, value, source }) => ({
      field,
      value: JSON.stringify(value, maskCredentials),
      source,
    })),
    ignored: report.ignored.map(({ source, location, field, reason, values }) => ({
      source,
      location,
      field,
      reason,
      values,
    })),
  };
}

/** A configuration given whole (the tests, the benches) reads as the user's file's, without machine or policy. */
export function reportOfGivenConfig(config: object, userFile: string): ConfigReport {
  return {
    ...layerConfig([{ source: 'user', location: userFile, raw: config }]),
    locations: { policy: POLICY_KEY, machine: null, user: userFile },
  };
}
