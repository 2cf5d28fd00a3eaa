import { type CentreView, CentreViewSchema } from '../../domain/centre/centre';
import { ServerMessageSchema } from '../../domain/contract/realtime';
import { type Role, can } from '../../domain/session/roles';
import type { BoardStore } from '../board/boardStore';
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

/** The last copy is the account's own: another supervisor at this workstation may watch another territory. */
const copyKey = (login: string) => `centre:${login}`;

/**
 * The supervisor's view of the centre on this console (§16): central's while it answers, else the last copy
 * this console got for the same account, kept sealed in SQLite with the board's copies (issue 14 item 5) so a
 * console restarted while central is down still shows the centre, marked stale with its age. Through main's
 * one door to central (main/central/client.ts), which parses every answer.
 */
export function createCentreService(deps: {
  central: SignedInCentral;
  account(): { login: string; role: Role } | null;
  copies: BoardStore;
  now: () => Date;
}) {
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
        const kept = deps.copies.read(copyKey(account.login), CentreViewSchema);
        return { view: kept?.value ?? null, fetchedAt: kept?.fetchedAt ?? null, live: false };
      }
      const fetchedAt = deps.now().toISOString();
      deps.copies.keep(copyKey(account.login), answer.value, fetchedAt);
      return { view: answer.value, fetchedAt, live: true };
    },
  };
}
export type CentreService = ReturnType<typeof createCentreService>;
