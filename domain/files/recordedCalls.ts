import type { CardRecording } from './recording';

/** One part of a recorded call, as the supervisor reads it: "part 2 of 2". */
export interface RecordedPart {
  recording: CardRecording;
  /** Its place among the parts kept (1-based): a part that never got a chunk was dropped, not counted. */
  position: number;
  /** How long nothing was recorded between the previous part's end and this one's start; null for the first part. */
  gapBeforeMs: number | null;
}

/** A call on a card and the recordings it is made of (one, or one more per window reload during the call). */
export interface RecordedCall {
  /** Null for a recording registered before parts were numbered: a call of its own. */
  appealId: string | null;
  startedAt: string;
  parts: RecordedPart[];
}

const endMs = (r: CardRecording) => Date.parse(r.startedAt) + r.durationMs;

/**
 * A card's recordings as calls, each with its parts in order (by the part number main gave them, then by start),
 * the calls by their first part's start.
 */
export function recordedCalls(recordings: CardRecording[]): RecordedCall[] {
  const byCall = new Map<string, CardRecording[]>();
  for (const r of recordings) {
    const key = r.callPart?.appealId ?? r.fileId;
    byCall.set(key, [...(byCall.get(key) ?? []), r]);
  }
  const calls = [...byCall.values()].map((rs): RecordedCall => {
    const ordered = [...rs].sort(
      (a, b) => (a.callPart?.part ?? 0) - (b.callPart?.part ?? 0) || a.startedAt.localeCompare(b.startedAt),
    );
    return {
      appealId: ordered[0]?.callPart?.appealId ?? null,
      startedAt: ordered[0]?.startedAt ?? '',
      parts: ordered.map((recording, i) => {
        const previous = ordered[i - 1];
        return {
          recording,
          position: i + 1,
          gapBeforeMs: previous ? Math.max(0, Date.parse(recording.startedAt) - endMs(previous)) : null,
        };
      }),
    };
  });
  return calls.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
