import type { AppealStaffView, AppealStatus, ChatMessage } from '../../domain/appeals/appeal';
import type { Card } from '../../domain/cards/card';
import type { Unit } from '../../domain/dispatch/unit';
import type { CompetentService } from '../../domain/inbox/inbox';
import type { CallSignal } from '../../domain/contract/realtime';
import type { LatLon } from '../../domain/places/geo';
import type { Role } from '../../domain/session/roles';
import type { EscalatedCard } from '../../domain/dispatch/board';
import type { CardWarning } from '../../domain/dispatch/warning';

/**
 * What one instance tells all instances (and their sockets). Each event carries what the hub needs to
 * decide who may receive it: a department (territory), an owner, an account or an appeal.
 */
export type CentralEvent =
  | { kind: 'appeal.new'; departmentId: string | null; appeal: AppealStaffView }
  | {
      kind: 'appeal.status';
      departmentId: string | null;
      appealId: string;
      status: AppealStatus;
      service?: CompetentService;
    }
  | { kind: 'inbox.claim'; departmentId: string | null; appealId: string; claimedBy: string | null }
  | { kind: 'call.taken'; departmentId: string | null; appealId: string; operatorId: string }
  | {
      kind: 'call.signal';
      appealId: string;
      from: 'citizen' | 'operator';
      toAccountId: string | null;
      signal: CallSignal;
    }
  /** Unanswered past the escalation time: the supervisor and the neighbouring territories ring too. */
  | { kind: 'call.escalated'; departmentId: string | null; neighbourIds: string[]; appeal: AppealStaffView }
  | { kind: 'call.location'; departmentId: string | null; appealId: string; location: LatLon }
  | { kind: 'card.changed'; departmentId: string | null; ownerId: string | null; seq: number; card: Card }
  /** A card left the audience of `departmentId` (it moved territory): those consoles pull, to drop it. No card here. */
  | { kind: 'card.left'; departmentId: string | null; ownerId: string | null; seq: number }
  | { kind: 'chat.message'; departmentId: string | null; message: ChatMessage }
  /** §15: a reference check found a record; the card's units are warned before they arrive. */
  | { kind: 'card.warning'; departmentId: string | null; ownerId: string | null; warning: CardWarning }
  /** §13: a card not taken past the second limit rings the supervisor (§16). */
  | { kind: 'card.escalated'; departmentId: string | null; ownerId: string | null; card: EscalatedCard }
  | {
      kind: 'presence';
      accountId: string;
      role: Role;
      departmentId: string | null;
      status: 'available' | 'busy' | 'away' | 'offline';
    }
  /** Units changed (positions, statuses): each recipient gets those of its territory (central/access). */
  | { kind: 'units.changed'; units: Unit[] }
  | { kind: 'territories.changed' }
  /** Sessions ended (one, or all of the account when null): their sockets close at once, on every instance. */
  | { kind: 'sessions.revoked'; accountId: string; sessionId: string | null }
  /** Role or department changed: the account's sockets reconnect, to be filtered by the new territory. */
  | { kind: 'account.changed'; accountId: string };
