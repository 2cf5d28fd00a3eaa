import type { WebSocket } from 'ws';
import { REALTIME_CLOSE_CODES, type ServerMessage } from '../../domain/contract/realtime';
import { can, inScope } from '../../domain/session/roles';
import type { Principal } from '../session/principal';
import type { EventBus } from './bus';
import type { CentralEvent } from './events';

type Client =
  | { kind: 'staff'; socket: WebSocket; principal: Principal; sessionId: string }
  | { kind: 'citizen'; socket: WebSocket; appealId: string };
type PresenceEvent = Extract<CentralEvent, { kind: 'presence' }>;

/**
 * Holds this instance's sockets and decides, per event, which of them may see it: territory for staff
 * (§8), the own appeal for a citizen, identity only for roles allowed to read it.
 */
export class RealtimeHub {
  private readonly clients = new Set<Client>();
  /** Last known presence of every operator, on any instance (kept from the bus). */
  private readonly presence = new Map<string, PresenceEvent>();
  private readonly unsubscribe: () => void;
  /** Escalated calls (issue 13): their neighbouring departments hear what happens to them too. */
  private readonly widened = new Map<string, readonly string[]>();

  constructor(private readonly bus: EventBus) {
    this.unsubscribe = bus.subscribe((event) => this.dispatch(event));
  }

  addStaff(socket: WebSocket, principal: Principal, sessionId: string): () => void {
    const client: Client = { kind: 'staff', socket, principal, sessionId };
    this.clients.add(client);
    send(socket, { type: 'hello', instanceId: this.bus.instanceId, as: 'staff' });
    for (const p of this.presence.values()) {
      if (p.status !== 'offline' && inScope(principal.scope, p.departmentId))
        send(socket, presenceMessage(p));
    }
    return () => this.clients.delete(client);
  }

  addCitizen(socket: WebSocket, appealId: string): () => void {
    const client: Client = { kind: 'citizen', socket, appealId };
    this.clients.add(client);
    send(socket, { type: 'hello', instanceId: this.bus.instanceId, as: 'citizen' });
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
    // Serialise each variant once: with 1,000 sockets, stringify per socket would dominate fan-out.
    const cache = new Map<string, string>();
    const neighbours = 'appealId' in event ? (this.widened.get(event.appealId) ?? []) : [];
    // Told once that the call left the queue, the neighbours need nothing more of it.
    if (event.kind === 'appeal.status' && event.status !== 'registered') this.widened.delete(event.appealId);
    for (const client of this.clients) {
      const message = messageFor(client, event, neighbours);
      if (message === null) continue;
      // The message is fixed by the event, except that identity is removed for some roles.
      const variant =
        client.kind === 'staff' && !can(client.principal.role, 'applicant.read') ? 'redacted' : 'full';
      let text = cache.get(variant);
      if (text === undefined) {
        text = JSON.stringify(message);
        cache.set(variant, text);
      }
      if (client.socket.readyState === client.socket.OPEN) client.socket.send(text);
    }
  }
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

/** The message a client gets for an event, or null when it may not see it. */
function messageFor(
  client: Client,
  event: CentralEvent,
  neighbours: readonly string[],
): ServerMessage | null {
  if (client.kind === 'citizen') {
    switch (event.kind) {
      case 'appeal.status':
        return event.appealId === client.appealId
          ? { type: 'appeal.status', appealId: event.appealId, status: event.status }
          : null;
      case 'chat.message':
        return event.message.appealId === client.appealId
          ? { type: 'chat.message', message: event.message }
          : null;
      case 'call.signal':
        return event.appealId === client.appealId && event.from === 'operator'
          ? { type: 'call.signal', appealId: event.appealId, from: event.from, signal: event.signal }
          : null;
      default:
        return null;
    }
  }
  const p = client.principal;
  // An escalated call's news reaches its neighbouring territories as well as its own.
  const seesCall = (departmentId: string | null) =>
    inScope(p.scope, departmentId) || neighbours.some((id) => inScope(p.scope, id));
  switch (event.kind) {
    case 'appeal.new': {
      if (!can(p.role, 'appeals.read') || !inScope(p.scope, event.departmentId)) return null;
      const appeal = can(p.role, 'applicant.read') ? event.appeal : { ...event.appeal, applicant: null };
      return { type: 'appeal.new', appeal };
    }
    case 'appeal.status':
      return can(p.role, 'appeals.read') && seesCall(event.departmentId)
        ? { type: 'appeal.status', appealId: event.appealId, status: event.status }
        : null;
    case 'call.taken':
      return can(p.role, 'appeals.read') && seesCall(event.departmentId)
        ? { type: 'call.taken', appealId: event.appealId, operatorId: event.operatorId }
        : null;
    case 'call.signal':
      return event.from === 'citizen' && event.toAccountId === p.accountId
        ? { type: 'call.signal', appealId: event.appealId, from: event.from, signal: event.signal }
        : null;
    case 'call.escalated': {
      const reaches =
        inScope(p.scope, event.departmentId) || event.neighbourIds.some((id) => inScope(p.scope, id));
      if (!can(p.role, 'appeals.read') || !reaches) return null;
      const appeal = can(p.role, 'applicant.read') ? event.appeal : { ...event.appeal, applicant: null };
      return { type: 'call.escalated', appeal, neighbourIds: event.neighbourIds };
    }
    case 'call.location':
      return can(p.role, 'appeals.read') && seesCall(event.departmentId)
        ? { type: 'call.location', appealId: event.appealId, location: event.location }
        : null;
    case 'card.changed': {
      if (!can(p.role, 'cards.read')) return null;
      if (!inScope(p.scope, event.departmentId) && event.ownerId !== p.accountId) return null;
      const card = can(p.role, 'applicant.read') ? event.card : { ...event.card, applicant: null };
      return { type: 'card.changed', seq: event.seq, card };
    }
    case 'chat.message':
      return can(p.role, 'appeals.read') && inScope(p.scope, event.departmentId)
        ? { type: 'chat.message', message: event.message }
        : null;
    case 'presence':
      return event.accountId !== p.accountId && inScope(p.scope, event.departmentId)
        ? presenceMessage(event)
        : null;
    case 'territories.changed':
    case 'sessions.revoked':
    case 'account.changed':
      return null;
  }
}

export function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
