import { decodeJwt } from 'jose';
import {
  type CallEvent,
  type OperatorPresence,
  type RingingCall,
  ringingOrder,
} from '../../domain/calls/call';
import type { IceConfig } from '../../domain/calls/iceConfig';
import type { QualityWindow } from '../../domain/calls/callQuality';
import { type CallSignal, ServerMessageSchema } from '../../domain/contract/realtime';
import type { AppealStaffView } from '../../domain/appeals/appeal';
import type { Session } from '../../domain/session/session';
import { can } from '../../domain/session/roles';
import type { Logger } from '../log';
import type { RealtimeLink } from '../sync/realtime';
import type { SignedInCentral } from '../central/client';

/**
 * Main's part of a call (§7, §18): it owns central's socket, so it tells the window which calls ring,
 * who took one, the citizen's SDP/ICE and central's refusals, and carries the window's accept, signals
 * and presence to central. The media itself never passes through main.
 */
export function createCallRelay(deps: {
  /** Central as the signed-in account (main's one door): the call's ICE servers. */
  central: SignedInCentral;
  session: { current(): Session | null; accessToken(): Promise<string | null> };
  realtime: Pick<RealtimeLink, 'send' | 'hurry'>;
  emit(event: CallEvent): void;
  log: Logger;
  /** IT's configured STUN/TURN servers combined with central's answer (main/config/iceServersInForce.ts). */
  iceServersInForce?: (fromCentral: IceConfig | null) => IceConfig | null;
}) {
  const ringing = new Map<string, RingingCall>();
  /** Every call that rang here this session, with the caller's last place: the accepted one's card starts from it. */
  const known = new Map<string, RingingCall>();
  let presence: OperatorPresence = 'available';
  /**
   * The call this console accepted and that has not ended: a window reloaded during it (the card and what was
   * typed are in main's store) offers to rejoin it, with a new peer connection inside the same call on central.
   */
  let current: RingingCall | null = null;
  const ended = (appealId: string) => {
    if (current?.appealId === appealId) current = null;
  };
  /**
   * This account's ICE servers, asked for when a call starts ringing and kept until shortly before their TURN
   * credentials expire: an accept no longer waits for a round trip to central (call-setup bench).
   */
  let iceCache: { config: Promise<IceConfig | null>; until: number } | null = null;
  /** A cached answer is used only while it has at least this long left to live (a call may restart ICE later). */
  const ICE_MARGIN_MS = 5 * 60_000;
  async function askIce(): Promise<IceConfig | null> {
    const answer = await deps.central.call('GET /api/staff/calls/ice', {});
    return answer.ok ? answer.value : null;
  }
  function cachedIce(): Promise<IceConfig | null> {
    const now = Date.now();
    if (iceCache && iceCache.until > now) return iceCache.config;
    const config = askIce();
    // Until the answer says how long it lives, it is shared only by those asking at the same moment.
    const entry = { config, until: now + 10_000 };
    iceCache = entry;
    void config.then((value) => {
      if (iceCache !== entry) return;
      if (!value) iceCache = null;
      else entry.until = Date.parse(value.expiresAt) - ICE_MARGIN_MS;
    });
    return config;
  }

  // An operator who stepped away hears nothing ring; the calls ring again the moment they are back.
  const ringingNow = () => (presence === 'away' ? [] : [...ringing.values()].sort(ringingOrder));
  const emitRinging = () => deps.emit({ type: 'ringing', calls: ringingNow() });
  /** Operators hear every call of their territory; a supervisor hears those that waited too long. */
  const hears = (escalated: boolean) => {
    const role = deps.session.current()?.role;
    return role !== undefined && (can(role, 'calls.accept') || (escalated && role === 'supervisor'));
  };

  async function ownAccountId(): Promise<string | null> {
    const token = await deps.session.accessToken();
    if (!token) return null;
    const sub = decodeJwt(token).sub;
    return typeof sub === 'string' ? sub : null;
  }

  function ringFor(appeal: AppealStaffView, escalated: boolean): void {
    if (appeal.kind === 'text' || appeal.acceptedBy !== null || appeal.status !== 'registered') return;
    const already = ringing.get(appeal.id);
    if (already) {
      ringing.set(appeal.id, { ...already, escalated: already.escalated || escalated });
      return emitRinging();
    }
    if (!hears(escalated)) return;
    const call: RingingCall = {
      appealId: appeal.id,
      number: appeal.number,
      kind: appeal.kind,
      channel: appeal.channel,
      media: appeal.kind === 'sos' ? 'video' : (appeal.media ?? 'video'),
      receivedAt: appeal.createdAt,
      location: appeal.location,
      language: appeal.language,
      escalated,
    };
    ringing.set(appeal.id, call);
    known.set(appeal.id, call);
    emitRinging();
    void cachedIce();
  }

  async function fromCentral(json: unknown): Promise<void> {
    const parsed = ServerMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'appeal.new':
        return ringFor(message.appeal, false);
      case 'call.escalated':
        return ringFor(message.appeal, true);
      case 'call.taken': {
        // Every console stops ringing for it at once, whoever took it.
        if (ringing.delete(message.appealId)) emitRinging();
        const byMe = message.operatorId === (await ownAccountId());
        const call = known.get(message.appealId);
        if (byMe && call) current = call;
        deps.emit({ type: 'taken', appealId: message.appealId, byMe });
        return;
      }
      case 'appeal.status':
        // A call answered or closed elsewhere (the citizen hung up before anyone accepted) stops ringing.
        if (message.status !== 'registered' && ringing.delete(message.appealId)) emitRinging();
        return;
      case 'call.signal':
        if (message.from === 'citizen' && message.signal.kind === 'hangup') ended(message.appealId);
        if (message.from === 'citizen')
          deps.emit({ type: 'signal', appealId: message.appealId, signal: message.signal });
        return;
      case 'call.location': {
        const call = known.get(message.appealId);
        if (!call) return;
        known.set(message.appealId, { ...call, location: message.location });
        const stillRinging = ringing.get(message.appealId);
        if (stillRinging) {
          ringing.set(message.appealId, { ...stillRinging, location: message.location });
          emitRinging();
        }
        deps.emit({ type: 'location', appealId: message.appealId, location: message.location });
        return;
      }
      case 'error':
        deps.emit({ type: 'refused', code: message.code, params: message.params });
        return;
      default:
        return;
    }
  }

  /**
   * Central's frames, handled one after another: `call.taken` waits for the account's id, and the citizen's
   * answer, which now follows it closely (the accept carries the offer), arrives in the same read under load and
   * must not reach the window before the call is its own.
   */
  let handling = Promise.resolve();

  return {
    fromCentral(json: unknown): void {
      handling = handling
        .then(() => fromCentral(json))
        .catch(() => deps.log.warn('calls.frame.failed', { kind: 'internal' }));
    },
    /** The socket opened again: central counts every new socket available, so an operator away stays away. */
    linkUp(up: boolean): void {
      if (up && presence !== 'available') deps.realtime.send({ type: 'presence.set', status: presence });
      deps.emit({ type: 'link', up });
    },
    sessionChanged(): void {
      ringing.clear();
      known.clear();
      iceCache = null;
      current = null;
      deps.realtime.hurry(false);
      presence = 'available';
      emitRinging();
    },
    ringing: ringingNow,
    known: (appealId: string) => known.get(appealId),
    /** `offer`: the window's SDP offer, which central relays to the citizen only if this accept wins. */
    accept: (appealId: string, offer?: string) => ({
      sent: deps.realtime.send({ type: 'call.accept', appealId, offer }),
    }),
    signal(appealId: string, signal: CallSignal) {
      if (signal.kind === 'hangup') ended(appealId);
      return { sent: deps.realtime.send({ type: 'call.signal', appealId, signal }) };
    },
    /** The call this console accepted and that has not ended (a reloaded window rejoins it), or null. */
    current: () => current,
    setPresence(status: OperatorPresence) {
      presence = status;
      // The window sets "available" when its call is over.
      if (status === 'available') current = null;
      // In a call, the socket to central is retried at once when lost (main/sync/realtime.ts).
      deps.realtime.hurry(status === 'busy');
      emitRinging();
      return { sent: deps.realtime.send({ type: 'presence.set', status }) };
    },
    /**
     * The call's quality windows to central as each closes (issue 13.4); false when central did not take them
     * (the window keeps them and sends them again with the next).
     */
    async reportQuality(appealId: string, windows: QualityWindow[]) {
      const answer = await deps.central.call('PUT /api/staff/calls/:id/quality', {
        params: { id: appealId },
        body: { windows },
      });
      return { sent: answer.ok };
    },
    /**
     * This call's ICE servers from central; null when central cannot be asked (offline, signed out): the call
     * then tries host candidates only (or IT's configured servers), and the window says the link is down.
     */
    ice: async (): Promise<IceConfig | null> => {
      const fromCentral = await cachedIce();
      return deps.iceServersInForce ? deps.iceServersInForce(fromCentral) : fromCentral;
    },
  };
}
export type CallRelay = ReturnType<typeof createCallRelay>;
