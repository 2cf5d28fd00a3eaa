import { z } from 'zod';
import { storableText } from '../contract/text';
import { SendFieldSchema } from '../contract/refusal';
import { AppealChannelSchema } from '../appeals/appeal';
import { CardStatusSchema } from '../cards/card';
import { RoleSchema } from '../session/roles';

/**
 * The supervisor's live view of the operations centre (§16: the head of the centre or shift supervises staff
 * and checks that incoming information is complete and correct). Central builds it for the supervisor's
 * territory (central/centre/); the console keeps the last copy and ticks its clocks locally.
 */

/** A call or a text still waiting for an operator (the inbox and the call queue). No identity, no words. */
export const CentreWaitingSchema = z.object({
  appealId: z.uuid(),
  number: storableText(),
  kind: z.enum(['text', 'sos', 'callRequest']),
  channel: AppealChannelSchema,
  departmentId: storableText().nullable(),
  receivedAt: z.iso.datetime(),
  /** A call unanswered past the escalation time (issue 13): it rings the supervisor too. */
  escalated: z.boolean(),
  /** An operator has claimed it and is on it. */
  claimed: z.boolean(),
});
export type CentreWaiting = z.infer<typeof CentreWaitingSchema>;

/**
 * What an operator is doing. `inCall` and `away` are the presence the operator's console sends; `onCard` is
 * derived on central from the operator's activity: a draft card of theirs written to in the last
 * `ON_CARD_WINDOW_MS` while they are otherwise available.
 */
export const OperatorStateSchema = z.enum(['available', 'inCall', 'onCard', 'away']);
export type OperatorState = z.infer<typeof OperatorStateSchema>;

export const CentreOperatorSchema = z.object({
  accountId: z.uuid(),
  displayName: storableText(),
  role: RoleSchema,
  departmentId: storableText().nullable(),
  state: OperatorStateSchema,
  /** Since when the operator is in this state (central's clock). */
  since: z.iso.datetime(),
  /** When a derived state ends by itself (on a card: the draft left alone that long), for the local clock. */
  until: z.iso.datetime().nullable(),
});
export type CentreOperator = z.infer<typeof CentreOperatorSchema>;

/** An open card of the territory: its status and age, what it lacks, and §13's acknowledgement clock. */
export const CentreCardSchema = z.object({
  id: z.uuid(),
  number: storableText().nullable(),
  status: CardStatusSchema,
  departmentId: storableText().nullable(),
  urgent: z.boolean(),
  createdAt: z.iso.datetime(),
  /** When it entered its present status. */
  statusSince: z.iso.datetime(),
  /** When it was last sent to the senior inspector, and when one took it; null until then. */
  sentAt: z.iso.datetime().nullable(),
  takenAt: z.iso.datetime().nullable(),
  /** Required fields still empty (domain/cards/workflow.ts `missingForSend`). */
  missing: z.array(SendFieldSchema),
});
export type CentreCard = z.infer<typeof CentreCardSchema>;

export const CentreViewSchema = z.object({
  /** Central's clock when it built the view: ages are counted from it, whatever the console's clock says. */
  at: z.iso.datetime(),
  waiting: z.array(CentreWaitingSchema),
  operators: z.array(CentreOperatorSchema),
  cards: z.array(CentreCardSchema),
});
export type CentreView = z.infer<typeof CentreViewSchema>;

/** A draft written to this recently means its author is on it. */
export const ON_CARD_WINDOW_MS = 10 * 60_000;
/** At most this many open cards are shown, the oldest first (a centre has tens, not thousands). */
export const CENTRE_CARD_LIMIT = 500;

/**
 * How long a card may stay in a status before the supervisor is shown it waits too long. The wait for the
 * senior inspector to take a sent card is §13's acknowledgement timer (domain/dispatch/acknowledgement.ts).
 */
export const STATUS_WAIT_LIMIT_MS: Partial<Record<z.infer<typeof CardStatusSchema>, number>> = {
  draft: 10 * 60_000,
  inResponse: 60 * 60_000,
  forwardedToDuty: 30 * 60_000,
};

/** The operator's state from their presence and their newest draft, with since when (pure; central uses it). */
export function operatorState(
  presence: { status: 'available' | 'busy' | 'away'; since: string },
  latestDraft: { createdAt: string; updatedAt: string } | null,
  now: number,
): { state: OperatorState; since: string; until: string | null } {
  if (presence.status === 'away') return { state: 'away', since: presence.since, until: null };
  if (presence.status === 'busy') return { state: 'inCall', since: presence.since, until: null };
  const ends = latestDraft ? Date.parse(latestDraft.updatedAt) + ON_CARD_WINDOW_MS : 0;
  if (latestDraft && now < ends) {
    const since =
      Date.parse(latestDraft.createdAt) > Date.parse(presence.since) ? latestDraft.createdAt : presence.since;
    return { state: 'onCard', since, until: new Date(ends).toISOString() };
  }
  return { state: 'available', since: presence.since, until: null };
}

/** The operator as the screen shows them at `now`: a derived state past its end is over, with no news needed. */
export function operatorAt(o: CentreOperator, now: number): Pick<CentreOperator, 'state' | 'since'> {
  if (o.until !== null && now >= Date.parse(o.until)) return { state: 'available', since: o.until };
  return { state: o.state, since: o.since };
}

/** Whether a card has stayed in its status past the limit for it. */
export function waitsTooLong(card: Pick<CentreCard, 'status' | 'statusSince'>, now: number): boolean {
  const limit = STATUS_WAIT_LIMIT_MS[card.status];
  return limit !== undefined && now - Date.parse(card.statusSince) >= limit;
}
