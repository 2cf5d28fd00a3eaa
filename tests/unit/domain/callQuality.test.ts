import { describe, expect, it } from 'vitest';
import { QUALITY_WINDOW_MS, QualityWindows, type QualitySample } from '../../../domain/calls/callQuality';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const sample = (
  s: number,
  framesDecoded: number,
  rttMs: number | null = 40,
  bitrateKbps: number | null = 800,
): QualitySample => ({
  at: T0 + s * 1000,
  rttMs,
  lossPercent: 0.5,
  bitrateKbps,
  framesDecoded,
});

describe('the live call figures summed per 5-second window (issue 13.4)', () => {
  it('closes a window with the first sample at or past its end, with the frames decoded within it', () => {
    const windows = new QualityWindows();
    const closed = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) =>
      windows.add(sample(s, s * 30, 40 + s, 800 + s)),
    );
    expect(QUALITY_WINDOW_MS).toBe(5_000);
    const done = closed.filter((w) => w !== null);
    expect(done).toEqual([
      {
        at: '2026-11-30T10:00:00.000Z',
        rttMs: { min: 40, avg: 42, max: 44 },
        lossPercent: 0.5,
        bitrateKbps: 802,
        framesDecoded: 120,
      },
      {
        at: '2026-11-30T10:00:05.000Z',
        rttMs: { min: 45, avg: 47, max: 49 },
        lossPercent: 0.5,
        bitrateKbps: 807,
        framesDecoded: 150,
      },
    ]);
    // The open window: the frames since the last sample of the window before.
    expect(windows.flush()).toMatchObject({ at: '2026-11-30T10:00:10.000Z', framesDecoded: 30 });
    expect(windows.flush()).toBeNull();
  });

  it('counts the frames of a new peer connection (the operator rejoined) from zero, and keeps unmeasured figures null', () => {
    const windows = new QualityWindows();
    windows.add(sample(0, 500));
    expect(windows.add(sample(5, 650))).toMatchObject({ framesDecoded: 0 });
    windows.add(sample(6, 20, null, null));
    expect(windows.flush()).toMatchObject({ framesDecoded: 20, rttMs: { min: 40, avg: 40, max: 40 } });
    const none = new QualityWindows();
    none.add(sample(0, 0, null, null));
    expect(none.flush()).toMatchObject({ rttMs: null, bitrateKbps: null });
  });
});
