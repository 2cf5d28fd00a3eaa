import type { CentreView } from '../../domain/centre/centre';
import { ServerMessageSchema } from '../../domain/contract/realtime';
import { type Role, can } from '../../domain/session/roles';
import type { SignedInCentral } from '../central/client';

/** What the supervisor's screen gets: central's view, or the last copy (`live` false) with when it was fetched. */
export interface CentreAnswer {
  view: CentreView | null;
  fetchedAt: string | null;
  live: boolean;
}

/** Central's socket frames that move a figure of the centre: presence, what waits, and the cards. */
const CENTRE_NEWS = new Set([
  'presence',
  'appeal.new',
  'appeal.status',
  'inbox.claim',
  'call.taken',
  'call.escalated',
  'card.changed',
]);

/** Whether a frame from central's socket changes the supervisor's view: the window then reads it again. */
export function isCentreNews(json: unknown): boolean {
  const parsed = ServerMessageSchema.safeParse(json);
  return parsed.success && CENTRE_NEWS.has(parsed.data.type);
}

/**
 * The supervisor's view of the centre on this console (§16): central's while it answers, else the last copy
 * this console got for the same account (kept in memory: it is seconds old, and worthless after a restart).
 * Through main's one door to central (main/central/client.ts), which parses every answer.
 */
export function createCentreService(deps: {
  central: SignedInCentral;
  account(): { login: string; role: Role } | null;
  now: () => Date;
}) {
  let copy: { login: string; view: CentreView; fetchedAt: string } | null = null;
  const watching = (): boolean => {
    const account = deps.account();
    return account !== null && can(account.role, 'centre.read');
  };
  return {
    /** Whether the signed-in account watches the centre: only then does central's news concern its windows. */
    watching,
    async view(): Promise<CentreAnswer> {
      const account = deps.account();
      if (!account || !can(account.role, 'centre.read')) return { view: null, fetchedAt: null, live: false };
      const answer = await deps.central.call('GET /api/centre', {});
      if (!answer.ok) {
        const kept = copy?.login === account.login ? copy : null;
        return { view: kept?.view ?? null, fetchedAt: kept?.fetchedAt ?? null, live: false };
      }
      copy = { login: account.login, view: answer.value, fetchedAt: deps.now().toISOString() };
      return { view: copy.view, fetchedAt: copy.fetchedAt, live: true };
    },
  };
}
export type CentreService = ReturnType<typeof createCentreService>;
