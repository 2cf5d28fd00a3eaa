import { type Refusal, refusal } from '../../domain/contract/refusal';
import { type Permission, can, inScope } from '../../domain/session/roles';
import type { Principal } from '../session/principal';

/**
 * What a principal may see and touch on central — the one place that decides it (issue 10, item 1).
 * Routes, the sync push and pull, the call service and the realtime hub ask here; nothing else compares
 * scopes or roles for data. The audited views of identities are in accessPolicy.ts.
 */

/** What of a card decides who may touch it: its department (§8) and the account that created it. */
export interface CardReach {
  departmentId: string | null;
  createdBy: string | null;
}

/** Applicants' identity only for the roles that act on it (§10, §14). */
export const mayReadIdentity = (p: Principal): boolean => can(p.role, 'applicant.read');

/** A card of the principal's territory or of the fallback queue, or one the principal created. */
export const mayTouchCard = (p: Principal, card: CardReach): boolean =>
  inScope(p.scope, card.departmentId) || card.createdBy === p.accountId;

/** An appeal of the principal's territory or of the fallback queue. */
export const mayTouchAppeal = (p: Principal, appeal: { departmentId: string | null }): boolean =>
  inScope(p.scope, appeal.departmentId);

/** Whether the principal's role reads appeals and this one is within its reach (the socket's events). */
export const maySeeAppeal = (p: Principal, appeal: { departmentId: string | null }): boolean =>
  can(p.role, 'appeals.read') && mayTouchAppeal(p, appeal);

/** Whether the principal's role reads cards and this one is within its reach (the socket's events). */
export const maySeeCard = (p: Principal, card: CardReach): boolean =>
  can(p.role, 'cards.read') && mayTouchCard(p, card);

/** §13, §16: a card not taken in time rings the supervisors whose territory holds it. */
export const mayHearEscalation = (p: Principal, card: CardReach): boolean =>
  p.role === 'supervisor' && maySeeCard(p, card);
/**
 * Call recordings of a card within reach, for the roles that review them (§16, §17: the head and the
 * centre's supervisors); for every other role they are not listed at all, and playing one is refused.
 */
export const mayPlayRecordings = (p: Principal, card: CardReach): boolean =>
  can(p.role, 'recordings.play') && mayTouchCard(p, card);

/** Something of a department (a presence, a department's units) the principal's territory covers. */
export const mayTouchDepartment = (p: Principal, departmentId: string | null): boolean =>
  inScope(p.scope, departmentId);

/**
 * The departments whose centre the principal watches (§16): its territory's, or null for every one (national).
 * The fallback queue (no department) is everybody's, as for appeals.
 */
export const centreDepartments = (p: Principal): string[] | null =>
  p.scope.national ? null : [...p.scope.departmentIds];

/** The refusal for a role that lacks a permission, or null when it has it. */
export function roleRefusal(p: Principal, action: Permission): Refusal | null {
  return can(p.role, action) ? null : refusal('role.forbidden', { role: p.role, action });
}

/** A live unit (§13) of the principal's territory, to a role that works cards: the socket's and the API's rule. */
export const maySeeUnit = (p: Principal, unit: { departmentId: string }): boolean =>
  can(p.role, 'units.read') && mayTouchDepartment(p, unit.departmentId);

/**
 * A department's vehicle systems report their own units only: the integration account's department and the
 * departments beneath it, never another's (an integration account without a department reports none).
 */
export const mayReportUnit = (p: Principal, unit: { departmentId: string }): boolean =>
  can(p.role, 'units.report') && !p.scope.national && p.scope.departmentIds.has(unit.departmentId);

/** Sending a unit or setting its status from the console: a unit of the principal's territory. */
export const mayCommandUnit = (p: Principal, unit: { departmentId: string }): boolean =>
  mayTouchDepartment(p, unit.departmentId);
