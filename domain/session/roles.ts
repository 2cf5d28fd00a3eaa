import { z } from 'zod';

/**
 * The roles of §6, §10, §13, §19–28; see docs/instruction.md. `integration` is not a person: it is the account
 * of a department's vehicle systems (§13), which report their units' positions and statuses and can do
 * nothing else — it never signs in to the console (central refuses it there) nor opens the realtime socket.
 */
export const ROLES = [
  'operator',
  'inspector',
  'duty',
  'supervisor',
  'head',
  'employee',
  'admin',
  'integration',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** What an account may do, independent of where; territory is checked separately (see `inScope`). */
export const PERMISSIONS = [
  'accounts.manage',
  'departments.read',
  'territories.import',
  'directories.manage',
  'appeals.read',
  'appeals.chat',
  'applicant.read',
  'calls.accept',
  'cards.read',
  'cards.write',
  'sync.push',
  'sync.pull',
  'realtime.connect',
  'workstations.report',
  'workstations.read',
  'centre.read',
  'references.check',
  'recordings.play',
  'units.read',
  'units.report',
  'units.status',
  'units.dispatch',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Every role of a person: all but `integration`. */
export const STAFF_ROLES = ['operator', 'inspector', 'duty', 'supervisor', 'head', 'employee', 'admin'] as const;
const EVERY_ROLE = STAFF_ROLES;
const CARD_ROLES = ['operator', 'inspector', 'duty', 'supervisor', 'head'] as const;

/**
 * The permission matrix (§6, §10, §13–16, §19–28). Who may do what; the workflow (domain/cards/workflow.ts)
 * narrows card transitions further, and territory narrows everything to the account's departments.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Permission, readonly Role[]>> = {
  // §28: only the digitalisation unit manages logins, roles and territories.
  'accounts.manage': ['admin'],
  'departments.read': EVERY_ROLE,
  'territories.import': ['admin'],
  // §28: the directories the other roles work from (competent services and what they take) are the unit's too.
  'directories.manage': ['admin'],
  'appeals.read': ['operator', 'inspector', 'duty', 'supervisor', 'head'],
  // §2: the citizen chats with the dispatcher of the operations centre.
  'appeals.chat': ['operator', 'inspector', 'supervisor'],
  // Applicants' identity only for those who act on it (§10, §14); the rest see the appeal without it.
  'applicant.read': ['operator', 'inspector', 'duty'],
  'calls.accept': ['operator'],
  'cards.read': CARD_ROLES,
  'cards.write': ['operator', 'inspector', 'duty', 'supervisor'],
  'sync.push': ['operator', 'inspector', 'duty', 'supervisor'],
  'sync.pull': CARD_ROLES,
  'realtime.connect': EVERY_ROLE,
  'workstations.report': EVERY_ROLE,
  'workstations.read': ['admin'],
  // §16: the head of the centre or shift watches the centre's work live (the `supervisor` of the glossary).
  'centre.read': ['supervisor'],
  // §15: the duty unit checks the persons involved against the reference records before the officers arrive.
  'references.check': ['duty'],
  // §16, §17: the head and the centre's supervisors review stored call recordings; every play is audited.
  'recordings.play': ['supervisor', 'head'],
  // §13: units as live data — seen by those who work cards, reported only by the department's vehicle systems,
  // set (status) and sent (dispatch) by the senior inspector, the duty unit and the supervisor.
  'units.read': CARD_ROLES,
  'units.report': ['integration'],
  // The vehicle's own system sets its unit's status too (central checks it is its department's unit).
  'units.status': ['inspector', 'duty', 'supervisor', 'integration'],
  'units.dispatch': ['inspector', 'duty', 'supervisor'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[permission].includes(role);
}

/**
 * Where an account may act: its department and every department beneath it; `national` accounts
 * (no department: republic-level supervisors, heads, admins) see everything.
 */
export interface Scope {
  national: boolean;
  departmentIds: ReadonlySet<string>;
}

export function scopeOf(
  departmentId: string | null,
  departments: readonly { id: string; parentId: string | null }[],
): Scope {
  if (departmentId === null) return { national: true, departmentIds: new Set() };
  const ids = new Set([departmentId]);
  // Parents are listed before or after children; repeat until no new child joins (the tree is shallow).
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId !== null && ids.has(d.parentId) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return { national: false, departmentIds: ids };
}

/**
 * Whether something of `departmentId` is in the scope. `null` is the fallback queue (§8: no location or
 * outside every territory): every account that may read appeals sees it, so nothing is lost.
 */
export function inScope(scope: Scope, departmentId: string | null): boolean {
  return scope.national || departmentId === null || scope.departmentIds.has(departmentId);
}
