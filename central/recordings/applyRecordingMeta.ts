import { type Refusal, refusal } from '../../domain/contract/refusal';
import { mayTouchCard, roleRefusal } from '../access/rules';
import { feedRepository } from '../feed/feedRepository';
import type { SyncOperation } from '../../domain/sync/sync';
import type { Principal } from '../session/principal';
import { type CardRepository, cardReach } from '../cards/cardRepository';
import type { Sql } from '../db/database';
import type { RecordingRepository } from './recordingRepository';

type RecordingMetaOperation = Extract<SyncOperation, { type: 'recording.meta' }>;

/** The same shape as the sync service's outcome: a recording changes no card and publishes nothing. */
export type RecordingOutcome =
  { ok: true; seq: number; card: null; events: never[] } | { ok: false; refusal: Refusal; reason: string };

/**
 * Registers a call recording's metadata inside the push's transaction; exactly once is the sync service's
 * operation claim. Recordings are not in the change feed (no console pulls them), so the answer carries
 * the feed position the operation was applied at.
 */
export async function applyRecordingMeta(
  tx: Sql,
  deps: { cards: CardRepository; recordings: RecordingRepository },
  p: Principal,
  op: RecordingMetaOperation,
): Promise<RecordingOutcome> {
  // Who takes calls records them (§9 step 3).
  const forbidden = roleRefusal(p, 'calls.accept');
  if (forbidden) return { ok: false, refusal: forbidden, reason: `role ${p.role} may not record calls` };
  const stored = await deps.cards.byId(tx, op.cardId);
  if (!stored) return { ok: false, refusal: refusal('card.notFound'), reason: 'no such card' };
  if (!mayTouchCard(p, cardReach(stored)))
    return {
      ok: false,
      refusal: refusal('card.otherTerritory'),
      reason: 'the card belongs to another territory',
    };
  const call = op.payload.callPart;
  if (call && call.appealId !== stored.card.appealId)
    return {
      ok: false,
      refusal: refusal('recording.otherCall'),
      reason: "the recording's call is not the card's appeal",
    };
  const inserted = await deps.recordings.insert(tx, {
    ...op.payload,
    cardId: op.cardId,
    accountId: p.accountId,
  });
  if (!inserted)
    return {
      ok: false,
      refusal: refusal('recording.exists'),
      reason: 'a recording with this file id is already registered',
    };
  return { ok: true, seq: await feedRepository.lastSeq(tx), card: null, events: [] };
}
