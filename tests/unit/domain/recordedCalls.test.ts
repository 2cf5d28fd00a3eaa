import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CardRecording } from '../../../domain/files/recording';
import { recordedCalls } from '../../../domain/files/recordedCalls';

const CARD = '0193a1b2-0000-7000-8000-0000000000c1';
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 10, 0, seconds)).toISOString();

/** A recording as central lists it: `seconds` after 10:00, lasting `durationMs`. */
function aRecording(
  seconds: number,
  durationMs: number,
  callPart: CardRecording['callPart'] = null,
): CardRecording {
  return {
    fileId: uuidv7(),
    kind: 'call',
    startedAt: at(seconds),
    durationMs,
    mimeType: 'video/webm;codecs=vp8,opus',
    size: 1000,
    sha256: 'ab'.repeat(32),
    callPart,
    cardId: CARD,
    accountId: null,
    receivedAt: at(300),
  };
}

describe("a card's recordings as calls, each with its parts (issue 13 items 5, 6)", () => {
  const appealId = uuidv7();

  it('puts the parts of one call together, in order of their number, with the gap before each', () => {
    const part2 = aRecording(40, 20_000, { appealId, part: 2 });
    const part1 = aRecording(5, 31_500, { appealId, part: 1 });
    const [call] = recordedCalls([part2, part1]);
    expect(call?.appealId).toBe(appealId);
    expect(call?.startedAt).toBe(at(5));
    expect(call?.parts.map((p) => [p.recording.fileId, p.position, p.gapBeforeMs])).toEqual([
      [part1.fileId, 1, null],
      // Part 1 ended at 36.5 s, part 2 began at 40 s.
      [part2.fileId, 2, 3_500],
    ]);
  });

  it('counts the parts kept: a part that got no chunk was dropped, so parts 1 and 3 read "1 of 2", "2 of 2"', () => {
    const [call] = recordedCalls([
      aRecording(0, 10_000, { appealId, part: 1 }),
      aRecording(15, 10_000, { appealId, part: 3 }),
    ]);
    expect(call?.parts.map((p) => p.position)).toEqual([1, 2]);
  });

  it('keeps each recording of an earlier version (no call, no part) a call of its own, calls by their start', () => {
    const old = aRecording(0, 5_000);
    const calls = recordedCalls([aRecording(60, 1_000, { appealId, part: 1 }), old]);
    expect(calls.map((c) => [c.appealId, c.parts.length])).toEqual([
      [null, 1],
      [appealId, 1],
    ]);
  });

  it('never reads a negative gap when the clocks of two windows disagree a little', () => {
    const [call] = recordedCalls([
      aRecording(0, 10_400, { appealId, part: 1 }),
      aRecording(10, 5_000, { appealId, part: 2 }),
    ]);
    expect(call?.parts[1]?.gapBeforeMs).toBe(0);
  });
});
