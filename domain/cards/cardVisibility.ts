import { type Role, type Scope, can, inScope } from '../session/roles';

/** Who is looking at the console's cards: the signed-in account (or the workstation's role when it works alone). */
export interface CardViewer {
  /** The account's login; null when the console works without central (nobody signs in). */
  login: string | null;
  role: Role;
  scope: Scope;
}

/** What of a card decides who may see it. */
export interface CardAudience {
  /** Central's department for the card (§8); null in the fallback queue, or before central has routed it. */
  departmentId: string | null;
  /** The login that created it on this workstation; null when it came from central or nobody was signed in. */
  createdBy: string | null;
  /** Whether central has the card (it answered with a version); until then central has not routed it. */
  atCentral: boolean;
}

/**
 * The rule central applies to cards (central/access/rules.ts `mayTouchCard`, for every read and write there):
 * a role that reads cards sees those of its territory, the fallback queue, and the cards it created.
 * A card central has not routed yet has no territory to judge by: only its author sees it, so the next
 * account on the workstation does not (a card written while nobody was signed in is everyone's).
 */
export function cardVisibleTo(viewer: CardViewer, card: CardAudience): boolean {
  if (!can(viewer.role, 'cards.read')) return false;
  if (card.createdBy !== null && card.createdBy === viewer.login) return true;
  if (!card.atCentral) return card.createdBy === null;
  return inScope(viewer.scope, card.departmentId);
}
