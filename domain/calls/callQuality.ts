import { z } from 'zod';

/** How long one stored window of a call's quality figures is: the live figures, summed per 5 s. */
export const QUALITY_WINDOW_MS = 5_000;
/** The most windows one report carries (the console sends each window as it closes; a batch after a lost link). */
export const QUALITY_WINDOWS_MAX = 120;

/**
 * A call's quality over one window, from the operator's getStats samples (issue 13.4): what a supervisor
 * looks at when a recording is poor. Nothing personal: figures of the network path only.
 */
export const QualityWindowSchema = z.strictObject({
  /** When the window began (the console's clock). */
  at: z.iso.datetime(),
  /** Round-trip time of the path in use, ms: lowest, mean and highest sample; null when none was measured. */
  rttMs: z
    .strictObject({
      min: z.number().int().nonnegative().max(600_000),
      avg: z.number().int().nonnegative().max(600_000),
      max: z.number().int().nonnegative().max(600_000),
    })
    .nullable(),
  /** Share of incoming packets lost since the call began, %, at the window's end. */
  lossPercent: z.number().min(0).max(100).nullable(),
  /** Incoming media, kbit/s, mean over the window. */
  bitrateKbps: z.number().int().nonnegative().max(1_000_000).nullable(),
  /** Video frames decoded during the window. */
  framesDecoded: z.number().int().nonnegative().max(10_000),
});
export type QualityWindow = z.infer<typeof QualityWindowSchema>;

export const CallQualityReportSchema = z.strictObject({
  windows: z.array(QualityWindowSchema).min(1).max(QUALITY_WINDOWS_MAX),
});
export type CallQualityReport = z.infer<typeof CallQualityReportSchema>;

/** What the supervisor sees beside a call's recording: the whole call's figures. */
export const CallQualitySummarySchema = z.strictObject({
  windows: z.number().int().nonnegative(),
  rttMs: z.strictObject({ min: z.number().int(), avg: z.number().int(), max: z.number().int() }).nullable(),
  lossPercentMax: z.number().min(0).max(100).nullable(),
  bitrateKbps: z
    .strictObject({ min: z.number().int(), avg: z.number().int(), max: z.number().int() })
    .nullable(),
  framesDecoded: z.number().int().nonnegative(),
});
export type CallQualitySummary = z.infer<typeof CallQualitySummarySchema>;

const range = (values: number[]) =>
  values.length === 0
    ? null
    : {
        min: Math.min(...values),
        avg: Math.round(values.reduce((a, b) => a + b, 0) / values.length),
        max: Math.max(...values),
      };

/** The whole call's figures from its windows. */
export function summariseQuality(windows: readonly QualityWindow[]): CallQualitySummary {
  const rtt = windows.flatMap((w) => (w.rttMs ? [w.rttMs] : []));
  const losses = windows.flatMap((w) => (w.lossPercent === null ? [] : [w.lossPercent]));
  return {
    windows: windows.length,
    rttMs:
      rtt.length === 0
        ? null
        : {
            min: Math.min(...rtt.map((r) => r.min)),
            avg: Math.round(rtt.reduce((a, r) => a + r.avg, 0) / rtt.length),
            max: Math.max(...rtt.map((r) => r.max)),
          },
    lossPercentMax: losses.length === 0 ? null : Math.max(...losses),
    bitrateKbps: range(windows.flatMap((w) => (w.bitrateKbps === null ? [] : [w.bitrateKbps]))),
    framesDecoded: windows.reduce((a, w) => a + w.framesDecoded, 0),
  };
}

/** One live sample as the call view takes it (renderer/features/calls/callStats.ts). */
export interface QualitySample {
  /** Wall clock, ms since the epoch. */
  at: number;
  rttMs: number | null;
  lossPercent: number | null;
  bitrateKbps: number | null;
  /** Cumulative since the call (this peer connection) began. */
  framesDecoded: number;
}

/**
 * Groups live samples into windows of QUALITY_WINDOW_MS: `add` answers the window that a sample closed (the
 * first sample at or past the window's end closes it), `flush` the one still open (at the call's end).
 */
export class QualityWindows {
  private samples: QualitySample[] = [];
  /** Frames decoded when the open window began (the last sample of the window before). */
  private framesAtStart: number | null = null;

  add(sample: QualitySample): QualityWindow | null {
    const first = this.samples[0];
    if (first && sample.at - first.at >= QUALITY_WINDOW_MS) {
      const closed = this.close();
      this.samples = [sample];
      return closed;
    }
    this.samples.push(sample);
    return null;
  }

  flush(): QualityWindow | null {
    const closed = this.samples.length > 0 ? this.close() : null;
    this.samples = [];
    return closed;
  }

  private close(): QualityWindow {
    const samples = this.samples;
    const last = samples[samples.length - 1] as QualitySample;
    const start = this.framesAtStart ?? (samples[0] as QualitySample).framesDecoded;
    // A new peer connection (the operator rejoined) counts its frames from zero again.
    const frames = last.framesDecoded >= start ? last.framesDecoded - start : last.framesDecoded;
    this.framesAtStart = last.framesDecoded;
    const bitrates = samples.flatMap((s) => (s.bitrateKbps === null ? [] : [s.bitrateKbps]));
    return {
      at: new Date((samples[0] as QualitySample).at).toISOString(),
      rttMs: range(samples.flatMap((s) => (s.rttMs === null ? [] : [s.rttMs]))),
      lossPercent: last.lossPercent,
      bitrateKbps: range(bitrates)?.avg ?? null,
      framesDecoded: Math.min(frames, 10_000),
    };
  }
}
