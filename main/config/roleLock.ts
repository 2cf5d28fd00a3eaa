import { type Role, RoleSchema } from '../../domain/session/roles';
import type { EffectiveConfig } from './layers';

/**
 * The role a workstation is locked to (§28): `role` set by IT — Group Policy or the machine's ProgramData
 * file — is a lock, and an account of another role may not sign in here. Set by the user's own config.json,
 * the environment or left at its default it is only the role the console shows before anyone signs in.
 */
export function roleLockOf(effective: Pick<EffectiveConfig, 'values'>): Role | null {
  const role = effective.values.find((v) => v.field === 'role');
  if (!role || (role.source !== 'policy' && role.source !== 'machine')) return null;
  const parsed = RoleSchema.safeParse(role.value);
  return parsed.success ? parsed.data : null;
}
