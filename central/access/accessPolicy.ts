import type { AuditLog } from '../audit/auditLogRepository';
import type { Principal } from '../session/principal';
import { mayReadIdentity } from './rules';

/** Anything that carries an applicant's identity: a card, an appeal. */
export interface WithIdentity {
  id: string;
  applicant?: unknown;
}

/** One thing shown to one principal, and why (the route or the socket event that shows it). */
export interface Showing<T extends WithIdentity> {
  principal: Principal;
  item: T;
}

const carriesIdentity = (item: WithIdentity) => item.applicant !== null && item.applicant !== undefined;

/**
 * The only way central shows a card or an appeal: the identity is removed for roles that may not read it,
 * and every identity shown is written to the audit log first (who, what, why), in one statement however
 * many are shown. When the audit log cannot be written, nobody is shown an identity.
 */
export function createAccessPolicy(deps: { audit: AuditLog }) {
  async function visibleEach<T extends WithIdentity>(
    showings: readonly Showing<T>[],
    reason: string,
  ): Promise<T[]> {
    const reads = showings.filter((s) => carriesIdentity(s.item) && mayReadIdentity(s.principal));
    await deps.audit.recordMany(
      reads.map((s) => ({
        accountId: s.principal.accountId,
        action: 'applicant.read' as const,
        subjectId: s.item.id,
        reason,
      })),
    );
    return showings.map((s) =>
      !carriesIdentity(s.item) || mayReadIdentity(s.principal) ? s.item : { ...s.item, applicant: null },
    );
  }

  return {
    /** The items as this principal may see them; each identity shown is audited. */
    visible<T extends WithIdentity>(p: Principal, items: readonly T[], reason: string): Promise<T[]> {
      return visibleEach(
        items.map((item) => ({ principal: p, item })),
        reason,
      );
    },

    async visibleOne<T extends WithIdentity>(p: Principal, item: T, reason: string): Promise<T> {
      const [shown] = await visibleEach([{ principal: p, item }], reason);
      if (!shown) throw new Error('nothing shown');
      return shown;
    },

    /** One item to many principals (the sockets of an event): as each may see it, audited per reader. */
    visibleEach,

    /** A list that shows no identity to anyone (the appeal queue): the audited single read does. */
    withoutIdentity<T extends WithIdentity>(items: readonly T[]): T[] {
      return items.map((item) => (carriesIdentity(item) ? { ...item, applicant: null } : item));
    },
  };
}
export type AccessPolicy = ReturnType<typeof createAccessPolicy>;
