import { z } from 'zod';

/** The roles of §6, §10, §13, §19–28; see docs/instruction.md. */
export const ROLES = ['operator', 'inspector', 'duty', 'supervisor', 'head', 'employee', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** What an account may do, independent of where; territory is checked separately (see `inScope`). */
export const PERMISSIONS = [
  'accounts.manage',
  'departments.read',
  'territories.import',
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERY_ROLE = ROLES;
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
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[permission].includes(role);
}

/**
 * Every authenticated route of central and the permission it needs; central registers its guards from
 * this table and the tests walk it route by route, role by role.
 */
export const ROUTE_PERMISSIONS = {
  'GET /api/accounts': 'accounts.manage',
  'POST /api/accounts': 'accounts.manage',
  'PATCH /api/accounts/:id': 'accounts.manage',
  'DELETE /api/accounts/:id': 'accounts.manage',
  'GET /api/departments': 'departments.read',
  'GET /api/departments/:id/units': 'departments.read',
  // A department's reference data includes its patrol units and territory (the account's scope only).
  'GET /api/units': 'departments.read',
  'GET /api/territories': 'departments.read',
  'POST /api/territories/import': 'territories.import',
  'GET /api/staff/appeals': 'appeals.read',
  'GET /api/staff/appeals/:id': 'appeals.read',
  'GET /api/staff/appeals/:id/attachments/:attachmentId': 'appeals.read',
  'POST /api/staff/appeals/:id/messages': 'appeals.chat',
  'POST /api/staff/calls/:id/accept': 'calls.accept',
  // The operator's inbox (issue 12): reading what waits; claiming and forwarding is card work.
  'GET /api/inbox': 'appeals.read',
  'POST /api/inbox/:id/claim': 'cards.write',
  'POST /api/inbox/:id/release': 'cards.write',
  'POST /api/inbox/:id/forward': 'cards.write',
  'GET /api/services': 'appeals.read',
  // One call's STUN/TURN servers and short-lived TURN credentials (central/turn/).
  'GET /api/staff/calls/ice': 'calls.accept',
  'GET /api/cards': 'cards.read',
  'GET /api/cards/:id': 'cards.read',
  'GET /api/cards/:id/recordings': 'cards.read',
  'POST /api/sync/push': 'sync.push',
  'GET /api/sync/pull': 'sync.pull',
  'GET /ws': 'realtime.connect',
  'POST /api/workstations/report': 'workstations.report',
  'GET /api/workstations': 'workstations.read',
} as const satisfies Record<string, Permission>;
export type RouteKey = keyof typeof ROUTE_PERMISSIONS;

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
