import type { ServerMessage } from '../../domain/contract/realtime';

/** How long a citizen who has no socket yet (or lost it) may take to come for what the operator sent. */
const HOLD_MS = 60_000;
/** An offer and its candidates and hang-up: a few dozen frames at most. */
const MAX_HELD = 64;

type SignalMessage = Extract<ServerMessage, { type: 'call.signal' }>;

/**
 * The operator's signals for a citizen with no socket on this instance, handed over when one joins. The accept
 * carries the operator's offer, so it can reach central while the citizen's page is still opening its socket
 * (it registers the appeal, which rings at once, then asks for its ICE servers and connects); the same holds
 * for a restart offer sent while the citizen's network was away. Only the newest offer is worth answering, so
 * an offer replaces what was held; the candidates and a hang-up after it are kept with it.
 */
export class CitizenBacklog {
  private readonly held = new Map<string, { since: number; messages: SignalMessage[] }>();

  hold(appealId: string, message: SignalMessage, now = Date.now()): void {
    this.expire(now);
    const entry = this.held.get(appealId) ?? { since: now, messages: [] };
    if (message.signal.kind === 'offer') entry.messages = [];
    if (entry.messages.length >= MAX_HELD) return;
    entry.messages.push(message);
    this.held.set(appealId, entry);
  }

  /** What the citizen of `appealId` was not sent, in order; forgotten once taken. */
  take(appealId: string, now = Date.now()): SignalMessage[] {
    this.expire(now);
    const entry = this.held.get(appealId);
    this.held.delete(appealId);
    return entry?.messages ?? [];
  }

  /** Entries are in the order they were opened, so the expired ones are at the front. */
  private expire(now: number): void {
    for (const [appealId, entry] of this.held) {
      if (now - entry.since <= HOLD_MS) return;
      this.held.delete(appealId);
    }
  }
}
