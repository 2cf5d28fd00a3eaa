import { z } from 'zod';
import { CallQualityReportSchema } from './callQuality';
import { storableText } from '../contract/text';
import { CallSignalSchema, PresenceStatusSchema, SdpSchema } from '../contract/realtime';
import { RefusalOnWireSchema } from '../contract/refusal';
import { AppealChannelSchema } from '../appeals/appeal';
import { LatLonSchema } from '../places/geo';

/** A citizen's call or SOS video ringing on this console (§7, §18), until someone accepts it. */
export const RingingCallSchema = z.object({
  appealId: z.uuid(),
  number: storableText(),
  kind: z.enum(['callRequest', 'sos']),
  channel: AppealChannelSchema,
  media: z.enum(['video', 'audio']),
  /** When central registered it: the waiting time counts from here. */
  receivedAt: z.iso.datetime(),
  location: LatLonSchema.nullable(),
  language: z.enum(['kk', 'ru']),
  /** Unanswered past the escalation time: now ringing at the supervisor and the neighbouring territories too. */
  escalated: z.boolean(),
});
export type RingingCall = z.infer<typeof RingingCallSchema>;

/** SOS first (§18), then the longest waiting: the order the panel shows and Alt+A takes. */
export function ringingOrder(a: RingingCall, b: RingingCall): number {
  if (a.kind !== b.kind) return a.kind === 'sos' ? -1 : 1;
  return a.receivedAt.localeCompare(b.receivedAt);
}

export const OperatorPresenceSchema = PresenceStatusSchema.exclude(['offline']);
export type OperatorPresence = z.infer<typeof OperatorPresenceSchema>;

/** What main tells the window about calls; the window keeps the media, main only carries the words. */
export const CallEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ringing'), calls: z.array(RingingCallSchema) }),
  /** Someone accepted: this console (`byMe`) or another; every other console stops ringing at once. */
  z.object({ type: z.literal('taken'), appealId: z.uuid(), byMe: z.boolean() }),
  z.object({ type: z.literal('signal'), appealId: z.uuid(), signal: CallSignalSchema }),
  /** The caller's device moved: the call's card follows, unless the operator gave the place. */
  z.object({ type: z.literal('location'), appealId: z.uuid(), location: LatLonSchema }),
  /** Main's socket to central came back (`up`) or went: a call that lost its media restarts ICE at once. */
  z.object({ type: z.literal('link'), up: z.boolean() }),
  /** Central refused a call frame (a second accept, an offer for a call not ours, …). */
  z.object({ type: z.literal('refused'), ...RefusalOnWireSchema.shape }),
]);
export type CallEvent = z.infer<typeof CallEventSchema>;

/** `offer`: the operator's SDP offer, relayed to the citizen only if this accept wins. */
export const CallAcceptInputSchema = z.strictObject({ appealId: z.uuid(), offer: SdpSchema.optional() });
/** The card of an accepted call: the one already answering the appeal, or a new one linked to it. */
export const CallCardInputSchema = z.strictObject({ appealId: z.uuid() });
export const CallSignalInputSchema = z.strictObject({ appealId: z.uuid(), signal: CallSignalSchema });
export const CallQualityInputSchema = CallQualityReportSchema.extend({ appealId: z.uuid() });
export const CallPresenceInputSchema = z.strictObject({ status: OperatorPresenceSchema });
/** Whether the frame left for central: false while the realtime link is down (the window says so). */
export const CallSentSchema = z.object({ sent: z.boolean() });
