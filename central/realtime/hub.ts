import type { WebSocket } from 'ws';
import { REALTIME_CLOSE_CODES, type ServerMessage } from '../../domain/contract/realtime';
import type { AccessPolicy, WithIdentity } from '../access/accessPolicy';
import { mayHearEscalation, maySeeAppeal, maySeeCard, maySeeUnit, mayTouchDepartment } from '../access/rules';
import type { Principal } from '../session/principal';
import type { EventBus } from '../bus/bus';
import type { CentralEvent } from '../bus/events';
import { CitizenBacklog } from './citizenBacklog';

type Client =
  | { kind: 'staff'; socket: WebSocket; principal: Principal; sessionId: string }
  | { kind: 'citizen'; socket: WebSocket; appealId: string };
type PresenceEvent = Extract<CentralEvent, { kind: 'presence' }>;

/**
 * Holds this instance's sockets and sends each event to those that may see it, as central/access decides:
 * territory for staff (§8), the own appeal for a citizen, identity only for roles allowed to read it —
 * each identity sent audited before it leaves. Events go out in the order they came.
 */
export class RealtimeHub {
  private readonly clients = new Set<Client>();
  /** Last known presence of every operator, on any instance (kept from the bus). */
  private readonly presence = new Map<string, PresenceEvent>();
  private readonly unsubscribe: () => void;
  /** The event being sent: the next waits for it, so an audited event is not overtaken. */
  private sending: Promise<void> = Promise.resolve();
  /** Escalated calls (issue 13): their neighbouring departments hear what happens to them too. */
  private readonly widened = new Map<string, readonly string[]>();
  /** The operator's signals for citizens with no socket here yet (citizenBacklog.ts). */
  private readonly backlog = new CitizenBacklog();

  constructor(
    private readonly bus: EventBus,
    private readonly access: AccessPolicy,
    private readonly onError: (error: unknown) => void,
  ) {
    this.unsubscribe = bus.subscribe((event) => this.dispatch(event));
  }

  addStaff(socket: WebSocket, principal: Principal, sessionId: string): () => void {
    const client: Client = { kind: 'staff', socket, principal, sessionId };
    this.clients.add(client);
    send(socket, { type: 'hello', instanceId: this.bus.instanceId, as: 'staff' });
    for (const p of this.presence.values()) {
      if (p.status !== 'offline' && mayTouchDepartment(principal, p.departmentId))
        send(socket, presenceMessage(p));
    }
    return () => this.clients.delete(client);
  }

  addCitizen(socket: WebSocket, appealId: string): () => void {
    const client: Client = { kind: 'citizen', socket, appealId };
    this.clients.add(client);
    send(socket, { type: 'hello', instanceId: this.bus.instanceId, as: 'citizen' });
    for (const message of this.backlog.take(appealId)) send(socket, message);
    return () => this.clients.delete(client);
  }

  /** A message for the citizens of one appeal on this instance only (their place in the queue). */
  tellCitizen(appealId: string, message: ServerMessage): void {
    for (const c of this.clients)
      if (c.kind === 'citizen' && c.appealId === appealId) send(c.socket, message);
  }

  /** Whether this account still has a socket on this instance (presence goes offline with the last one). */
  hasStaffSocket(accountId: string): boolean {
    for (const c of this.clients) if (c.kind === 'staff' && c.principal.accountId === accountId) return true;
    return false;
  }

  close(): void {
    this.unsubscribe();
    for (const c of this.clients) c.socket.close(REALTIME_CLOSE_CODES.shuttingDown, 'central shutting down');
    this.clients.clear();
  }

  /**
   * Closes the account's sockets (of one session, or all when `sessionId` is null) and stops sending to
   * them at once, before the close handshake completes.
   */
  private closeStaff(accountId: string, sessionId: string | null, code: number, reason: string): void {
    for (const c of this.clients) {
      if (c.kind !== 'staff' || c.principal.accountId !== accountId) continue;
      if (sessionId !== null && c.sessionId !== sessionId) continue;
      this.clients.delete(c);
      c.socket.close(code, reason);
    }
  }

  private dispatch(event: CentralEvent): void {
    if (event.kind === 'presence') this.presence.set(event.accountId, event);
    if (event.kind === 'call.escalated') this.widened.set(event.appeal.id, event.neighbourIds);
    if (event.kind === 'sessions.revoked')
      return this.closeStaff(
        event.accountId,
        event.sessionId,
        REALTIME_CLOSE_CODES.sessionRevoked,
        'session ended',
      );
    if (event.kind === 'account.changed')
      return this.closeStaff(event.accountId, null, REALTIME_CLOSE_CODES.accountChanged, 'account changed');
    this.sending = this.sending.then(() => this.send(event)).catch(this.onError);
  }

  /**
   * Each staff recipient's view of an event's card or appeal, as the access policy shows it (audited);
   * when the audit log cannot be written, the event still goes out, without the identity.
   */
  private async viewsOf<T extends WithIdentity>(subject: T, readers: Principal[], reason: string) {
    try {
      return await this.access.visibleEach(
        readers.map((principal) => ({ principal, item: subject })),
        reason,
      );
    } catch (error) {
      this.onError(error);
      return readers.map(() => this.access.withoutIdentity([subject])[0]);
    }
  }

  private async send(event: CentralEvent): Promise<void> {
    const neighbours = 'appealId' in event ? (this.widened.get(event.appealId) ?? []) : [];
    // Told once that the call left the queue, the neighbours need nothing more of it.
    if (event.kind === 'appeal.status' && event.status !== 'registered') this.widened.delete(event.appealId);
    const recipients = [...this.clients].flatMap((client) => {
      const message = messageFor(client, event, neighbours);
      return message ? [{ client, message }] : [];
    });
    if (event.kind === 'call.signal' && event.from === 'operator') {
      const forCitizen = citizenMessageFor(event.appealId, event);
      if (forCitizen?.type === 'call.signal' && !recipients.some(({ client }) => client.kind === 'citizen'))
        this.backlog.hold(event.appealId, forCitizen);
    }
    const subject = identitySubject(event);
    const views = subject
      ? await this.viewsOf(
          subject,
          recipients.flatMap(({ client }) => (client.kind === 'staff' ? [client.principal] : [])),
          `socket ${event.kind}`,
        )
      : [];
    // Serialise each variant once: with 1,000 sockets, stringify per socket would dominate fan-out.
    const cache = new Map<string, string>();
    let view = 0;
    for (const { client, message } of recipients) {
      const shown = subject && client.kind === 'staff' ? views[view++] : undefined;
      // Units are filtered per territory (messageFor): one text per territory, never one recipient's for another.
      const variant =
        message.type === 'units' && client.kind === 'staff'
          ? `units:${scopeKey(client.principal)}`
          : shown && shown !== subject
            ? 'redacted'
            : 'full';
      let text = cache.get(variant);
      if (text === undefined) {
        text = JSON.stringify(shown ? withSubject(message, shown) : message);
        cache.set(variant, text);
      }
      // A socket closed while the audit was written (a revoked session) gets nothing.
      if (this.clients.has(client) && client.socket.readyState === client.socket.OPEN)
        client.socket.send(text);
    }
  }
}

const scopeKey = (p: Principal) => (p.scope.national ? '*' : [...p.scope.departmentIds].sort().join(','));

/** The card or appeal with an identity an event carries to staff, or null. */
function identitySubject(event: CentralEvent) {
  if (event.kind === 'appeal.new' || event.kind === 'call.escalated') return event.appeal;
  if (event.kind === 'card.changed') return event.card;
  return null;
}

/** The message with the card or appeal as the recipient may see it. */
function withSubject(message: ServerMessage, shown: object): ServerMessage {
  if (message.type === 'appeal.new') return { ...message, appeal: shown as typeof message.appeal };
  if (message.type === 'call.escalated') return { ...message, appeal: shown as typeof message.appeal };
  if (message.type === 'card.changed') return { ...message, card: shown as typeof message.card };
  return message;
}

function presenceMessage(p: PresenceEvent): ServerMessage {
  return {
    type: 'presence',
    accountId: p.accountId,
    role: p.role,
    departmentId: p.departmentId,
    status: p.status,
  };
}

function appealStatusMessage(event: Extract<CentralEvent, { kind: 'appeal.status' }>): ServerMessage {
  const { appealId, status, service } = event;
  return { type: 'appeal.status', appealId, status, ...(service ? { service } : {}) };
}

/** The message the citizen of `appealId` gets for an event, or null when it is none of theirs. */
function citizenMessageFor(appealId: string, event: CentralEvent): ServerMessage | null {
  switch (event.kind) {
    case 'appeal.status':
      return event.appealId === appealId ? appealStatusMessage(event) : null;
    case 'chat.message':
      return event.message.appealId === appealId ? { type: 'chat.message', message: event.message } : null;
    case 'call.signal':
      return event.appealId === appealId && event.from === 'operator'
        ? { type: 'call.signal', appealId: event.appealId, from: event.from, signal: event.signal }
        : null;
    default:
      return null;
  }
}

/** The message a client gets for an event, or null when it may not see it. */
function messageFor(
  client: Client,
  event: CentralEvent,
  neighbours: readonly string[],
): ServerMessage | null {
  if (client.kind === 'citizen') return citizenMessageFor(client.appealId, event);
  const p = client.principal;
  // An escalated call's news reaches its neighbouring territories as well as its own.
  const seesCall = (departmentId: string | null) =>
    maySeeAppeal(p, { departmentId }) || neighbours.some((id) => maySeeAppeal(p, { departmentId: id }));
  switch (event.kind) {
    case 'appeal.new':
      return maySeeAppeal(p, event) ? { type: 'appeal.new', appeal: event.appeal } : null;
    case 'appeal.status':
      return seesCall(event.departmentId) ? appealStatusMessage(event) : null;
    case 'inbox.claim':
      return maySeeAppeal(p, event)
        ? { type: 'inbox.claim', appealId: event.appealId, claimedBy: event.claimedBy }
        : null;
    case 'call.taken':
      return seesCall(event.departmentId)
        ? { type: 'call.taken', appealId: event.appealId, operatorId: event.operatorId }
        : null;
    case 'call.signal':
      return event.from === 'citizen' && event.toAccountId === p.accountId
        ? { type: 'call.signal', appealId: event.appealId, from: event.from, signal: event.signal }
        : null;
    case 'call.escalated':
      return maySeeAppeal(p, event) || event.neighbourIds.some((id) => maySeeAppeal(p, { departmentId: id }))
        ? { type: 'call.escalated', appeal: event.appeal, neighbourIds: event.neighbourIds }
        : null;
    case 'call.location':
      return seesCall(event.departmentId)
        ? { type: 'call.location', appealId: event.appealId, location: event.location }
        : null;
    case 'card.changed':
      return maySeeCard(p, { departmentId: event.departmentId, createdBy: event.ownerId })
        ? { type: 'card.changed', seq: event.seq, card: event.card }
        : null;
    case 'card.left':
      return maySeeCard(p, { departmentId: event.departmentId, createdBy: event.ownerId })
        ? { type: 'feed.moved', seq: event.seq }
        : null;
    case 'chat.message':
      return maySeeAppeal(p, event) ? { type: 'chat.message', message: event.message } : null;
    case 'card.warning':
      return maySeeCard(p, { departmentId: event.departmentId, createdBy: event.ownerId })
        ? { type: 'card.warning', warning: event.warning }
        : null;
    case 'card.escalated':
      return mayHearEscalation(p, { departmentId: event.departmentId, createdBy: event.ownerId })
        ? { type: 'card.escalated', card: event.card }
        : null;
    case 'presence':
      return event.accountId !== p.accountId && mayTouchDepartment(p, event.departmentId)
        ? presenceMessage(event)
        : null;
    case 'units.changed': {
      const units = event.units.filter((u) => maySeeUnit(p, u));
      return units.length > 0 ? { type: 'units', units } : null;
    }
    case 'territories.changed':
    case 'sessions.revoked':
    case 'account.changed':
      return null;
  }
}

export function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
