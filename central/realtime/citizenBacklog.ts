import type { ServerMessage } from '../../domain/contract/realtime';

/** How long a citizen who has no socket yet may take to come for what the operator sent. */
const HOLD_MS = 60_000;
/** A citizen who came is remembered this long: longer than any call. */
const JOINED_KEPT_MS = 6 * 60 * 60_000;
/** An offer and its candidates and hang-up: a few dozen frames at most. */
const MAX_HELD = 64;

type SignalMessage = Extract<ServerMessage, { type: 'call.signal' }>;

/**
 * The operator's signals for a citizen whose socket has not joined this instance yet, handed over when it does.
 * The accept carries the operator's offer, so it can reach central while the citizen's page is still opening
 * its socket (it registers the appeal, which rings at once, then asks for its ICE servers and connects). Only
 * the newest offer is worth answering, so an offer replaces what was held; the candidates and a hang-up after
 * it are kept with it. A citizen who was here and lost the network gets nothing held: their widget says it is
 * back (`linkBack`) and the operator's console restarts ICE with a fresh offer then (operatorCall.ts); an offer
 * gathered while the network was away would only be a dead round before it.
 */
export class CitizenBacklog {
  private readonly held = new Map<string, { since: number; messages: SignalMessage[] }>();
  /** Appeals whose citizen joined, with when (oldest first). */
  private readonly joined = new Map<string, number>();

  hold(appealId: string, message: SignalMessage, now = Date.now()): void {
    this.expire(now);
    if (this.joined.has(appealId)) return;
    const entry = this.held.get(appealId) ?? { since: now, messages: [] };
    if (message.signal.kind === 'offer') entry.messages = [];
    if (entry.messages.length >= MAX_HELD) return;
    entry.messages.push(message);
    this.held.set(appealId, entry);
  }

  /** The citizen of `appealId` joined: what they were not sent, in order; nothing is held for them after. */
  take(appealId: string, now = Date.now()): SignalMessage[] {
    this.expire(now);
    if (!this.joined.has(appealId)) this.joined.set(appealId, now);
    const entry = this.held.get(appealId);
    this.held.delete(appealId);
    return entry?.messages ?? [];
  }

  /** Both maps are in the order their entries were made, so the expired ones are at the front. */
  private expire(now: number): void {
    for (const [appealId, entry] of this.held) {
      if (now - entry.since <= HOLD_MS) break;
      this.held.delete(appealId);
    }
    for (const [appealId, since] of this.joined) {
      if (now - since <= JOINED_KEPT_MS) break;
      this.joined.delete(appealId);
    }
  }
}
