/**
 * §13: a card sent to the senior inspector must be taken at once. Not taken within `lateAfterMs` it turns
 * red on the board; not taken within `escalateAfterMs` it rings the supervisor (§16). Central may configure
 * other limits; these are the defaults.
 */
export interface AcknowledgementLimits {
  lateAfterMs: number;
  escalateAfterMs: number;
}

export const DEFAULT_ACKNOWLEDGEMENT_LIMITS: AcknowledgementLimits = {
  lateAfterMs: 60_000,
  escalateAfterMs: 120_000,
};

export type AcknowledgementState = 'taken' | 'waiting' | 'late' | 'escalated';

/** Pure, so the board, the supervisor's view and central's escalation agree to the millisecond. */
export function acknowledgementState(
  card: { sentAt?: string | null; takenAt?: string | null },
  now: number,
  limits: AcknowledgementLimits = DEFAULT_ACKNOWLEDGEMENT_LIMITS,
): AcknowledgementState | null {
  if (!card.sentAt) return null;
  if (card.takenAt) return 'taken';
  const waited = now - Date.parse(card.sentAt);
  if (waited >= limits.escalateAfterMs) return 'escalated';
  if (waited >= limits.lateAfterMs) return 'late';
  return 'waiting';
}

/** Milliseconds left before the next limit, for a countdown; null once escalated or taken. */
export function acknowledgementMsLeft(
  card: { sentAt?: string | null; takenAt?: string | null },
  now: number,
  limits: AcknowledgementLimits = DEFAULT_ACKNOWLEDGEMENT_LIMITS,
): number | null {
  const state = acknowledgementState(card, now, limits);
  if (state !== 'waiting' && state !== 'late') return null;
  const waited = now - Date.parse(card.sentAt as string);
  return (state === 'waiting' ? limits.lateAfterMs : limits.escalateAfterMs) - waited;
}
