import { z } from 'zod';
import { storableText } from './text';
import { AppealStaffViewSchema, AppealStatusSchema, ChatMessageSchema } from '../appeals/appeal';
import { CompetentServiceSchema } from '../inbox/inbox';
import { CardSchema } from '../cards/card';
import { UnitSchema } from '../dispatch/unit';
import { RoleSchema } from '../session/roles';
import { LatLonSchema } from '../places/geo';
import { RefusalOnWireSchema } from './refusal';
import { EscalatedCardSchema } from '../dispatch/board';
import { CardWarningSchema } from '../dispatch/warning';

/**
 * Messages on the one realtime WebSocket per client (`GET /ws`). Staff authenticate with
 * `?token=ACCESS_TOKEN`; a citizen with `?appeal=ID&citizenToken=TOKEN` and receives only their appeal's
 * status, chat and call signaling. Every frame is one JSON object with a `type`.
 */

/**
 * Close codes central uses. `tokenExpired`: the socket lived as long as its access token; reconnect with
 * a refreshed one (a disabled account then fails to reconnect).
 */
export const REALTIME_CLOSE_CODES = {
  tokenExpired: 4001,
  /** The account's role or department changed: reconnect (with a fresh token) to be filtered anew. */
  accountChanged: 4002,
  /** The session ended (password reset, account disabled, refresh token reused): sign in again. */
  sessionRevoked: 4003,
  /** The socket sent more messages than its budget (an `error` with `rate.limited` comes first): reconnect later. */
  tooManyMessages: 4008,
  shuttingDown: 1001,
} as const;

/** An SDP offer or answer: the largest legitimate frame on the socket. */
export const SdpSchema = storableText().max(100_000);

/** SDP/ICE relayed untouched between the citizen and the operator who accepted (media is peer to peer). */
const OfferRoundSchema = z.number().int().min(0).max(1_000_000);

export const CallSignalSchema = z.discriminatedUnion('kind', [
  /**
   * `round`: the number of the operator's offer, echoed by the answer to it, so an answer to an offer that a
   * newer ICE restart took back is not applied to the newer one.
   */
  z.strictObject({ kind: z.literal('offer'), sdp: SdpSchema, round: OfferRoundSchema.optional() }),
  z.strictObject({ kind: z.literal('answer'), sdp: SdpSchema, round: OfferRoundSchema.optional() }),
  z.strictObject({
    kind: z.literal('ice'),
    candidate: storableText().max(2000),
    sdpMid: storableText().max(64).nullable(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
  }),
  z.strictObject({ kind: z.literal('hangup') }),
  /** The citizen's socket is back after a blip: the operator's console restarts ICE at once (operatorCall.ts). */
  z.strictObject({ kind: z.literal('linkBack') }),
]);
export type CallSignal = z.infer<typeof CallSignalSchema>;

export const PresenceStatusSchema = z.enum(['available', 'busy', 'away', 'offline']);

/** Client → central. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping') }),
  /**
   * The operator takes a call request; the first to accept gets it, the others see `call.taken`. `offer`: the
   * operator's SDP offer, made while the call rang, relayed to the citizen only if this accept wins: the call
   * needs no round trip between the accept and the offer (call-setup bench).
   */
  z.strictObject({ type: z.literal('call.accept'), appealId: z.uuid(), offer: SdpSchema.optional() }),
  z.strictObject({ type: z.literal('call.signal'), appealId: z.uuid(), signal: CallSignalSchema }),
  z.strictObject({ type: z.literal('presence.set'), status: PresenceStatusSchema.exclude(['offline']) }),
  /** The citizen's device moved during their call or SOS (§18): the operator's map follows. */
  z.strictObject({ type: z.literal('call.location'), appealId: z.uuid(), location: LatLonSchema.strict() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** Central → client. */
export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), instanceId: storableText(), as: z.enum(['staff', 'citizen']) }),
  z.object({ type: z.literal('pong'), t: z.number() }),
  /** A new appeal in the account's territory (text, SOS alarm or call request). */
  z.object({ type: z.literal('appeal.new'), appeal: AppealStaffViewSchema }),
  /** `service`: where a forwarded appeal went (its names only), for the citizen and the staff alike. */
  z.object({
    type: z.literal('appeal.status'),
    appealId: z.uuid(),
    status: AppealStatusSchema,
    service: CompetentServiceSchema.optional(),
  }),
  /** An inbox item was claimed (`claimedBy`) or is free again (null): no other console takes it meanwhile. */
  z.object({ type: z.literal('inbox.claim'), appealId: z.uuid(), claimedBy: z.uuid().nullable() }),
  z.object({ type: z.literal('call.taken'), appealId: z.uuid(), operatorId: z.uuid() }),
  z.object({
    type: z.literal('call.signal'),
    appealId: z.uuid(),
    from: z.enum(['citizen', 'operator']),
    signal: CallSignalSchema,
  }),
  /**
   * A call unanswered past the escalation time (default 20 s): it now rings the supervisor and the operators of
   * `neighbourIds` too, and every console shows it highlighted.
   */
  z.object({
    type: z.literal('call.escalated'),
    appeal: AppealStaffViewSchema,
    neighbourIds: z.array(storableText()),
  }),
  /** To a waiting citizen: their place in the territory's queue of calls (1 = next). */
  z.object({ type: z.literal('call.queue'), appealId: z.uuid(), place: z.number().int().min(1) }),
  /** Where the caller's device is now (sent by the citizen during the call). */
  z.object({ type: z.literal('call.location'), appealId: z.uuid(), location: LatLonSchema }),
  /** A card changed; `seq` is its place in the change feed, so the console can skip what it pulled. */
  z.object({ type: z.literal('card.changed'), seq: z.number().int(), card: CardSchema }),
  /** The feed moved with nothing this recipient may read in the message (a card left its territory): pull. */
  z.object({ type: z.literal('feed.moved'), seq: z.number().int() }),
  /** Units of the recipient's territory that moved or changed status (§13), as they are now. */
  z.object({ type: z.literal('units'), units: z.array(UnitSchema) }),
  z.object({ type: z.literal('chat.message'), message: ChatMessageSchema }),
  /** §15: a warning for the units of a card the account may see, as soon as the reference check found it. */
  z.object({ type: z.literal('card.warning'), warning: CardWarningSchema }),
  /** §13: a card not taken past the second limit; only supervisors of its territory are rung. */
  z.object({ type: z.literal('card.escalated'), card: EscalatedCardSchema }),
  z.object({
    type: z.literal('presence'),
    accountId: z.uuid(),
    role: RoleSchema,
    departmentId: storableText().nullable(),
    status: PresenceStatusSchema,
  }),
  /** A refused frame: the refusal's code and params (domain/contract/refusal.ts), `reason` for developers. */
  z.object({ type: z.literal('error'), ...RefusalOnWireSchema.shape, reason: storableText() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
