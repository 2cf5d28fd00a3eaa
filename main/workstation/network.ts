import { randomBytes } from 'node:crypto';
import type { CheckProgress, NetworkProbe, Probe } from '../../domain/workstation/workstation';
import { CentralAnswerError, createNetClient } from './netClient';

/**
 * The §27 network test against central: round trips to `/api/net/ping`, then a download from
 * `/api/net/download?bytes=N` and an upload to `/api/net/upload`. Transfers double in size until one
 * takes long enough to measure (or a size cap), so a slow link finishes in seconds and a fast one is
 * not under-measured by connection set-up. Central being down is an answer (unknown), not an error.
 */

export type NetworkPhase = Exclude<CheckProgress['phase'], 'machine'>;
/** `fraction` is 0..1 over the network test alone. */
export type NetworkProgress = { phase: NetworkPhase; fraction: number };

export interface NetworkTestOptions {
  centralUrl: string | null;
  /** The signed-in account's token: central lets only signed-in workstations transfer test data. */
  accessToken?: () => Promise<string | null>;
  onProgress?: (progress: NetworkProgress) => void;
  pings?: number;
  /** A transfer shorter than this is too quick to trust; the next one is twice as big. */
  minTransferMs?: number;
  maxTransferBytes?: number;
  /** Download and upload each stop after this long, so a slow link still finishes in seconds. */
  phaseBudgetMs?: number;
  requestTimeoutMs?: number;
}

const FIRST_TRANSFER_BYTES = 256 * 1024;
/**
 * Every console checks at start, so a shift change must not flood central: 8 MB in 400 ms is 160 Mbit/s,
 * far above §27's 20, and a faster link is reported as at least what 8 MB showed (about 16 MB each way).
 */
const DEFAULT_MAX_TRANSFER_BYTES = 8 * 1024 * 1024;
/** Below this a transfer is mostly set-up time, however long it took. */
const MIN_TRUSTED_BYTES = 1024 * 1024;

const mbps = (bytes: number, ms: number) => (bytes * 8) / 1e6 / (ms / 1000);

export async function measureNetwork(options: NetworkTestOptions): Promise<Probe<NetworkProbe>> {
  if (!options.centralUrl)
    return { state: 'unknown', reason: { code: 'central_not_configured', detail: '' } };
  const base = options.centralUrl.replace(/\/+$/, '');
  const pings = options.pings ?? 6;
  const minTransferMs = options.minTransferMs ?? 400;
  const maxBytes = options.maxTransferBytes ?? DEFAULT_MAX_TRANSFER_BYTES;
  const phaseBudgetMs = options.phaseBudgetMs ?? 2_500;
  const timeoutMs = options.requestTimeoutMs ?? 5_000;
  // Progress only moves forward: a transfer that turns out quick must not pull the bar back.
  let reported = 0;
  const progress = (phase: NetworkPhase, fraction: number) => {
    reported = Math.min(1, Math.max(reported, fraction));
    options.onProgress?.({ phase, fraction: reported });
  };

  const started = performance.now();
  const token = (await options.accessToken?.()) ?? null;
  if (!token) return { state: 'unknown', reason: { code: 'signed_out', detail: '' } };
  const client = createNetClient(base, timeoutMs, token);
  try {
    // The first ping opens the connection; its time is set-up, not round trip, so it is not counted.
    await client.ping();
    const samples: number[] = [];
    for (let i = 0; i < pings; i++) {
      samples.push(Math.round((await client.ping()) * 100) / 100);
      progress('ping', ((i + 1) / pings) * 0.2);
    }

    // Each transfer can only under-measure the link (set-up, a pause on a busy machine), so the phase
    // keeps the best rate it saw; it ends on a long-enough transfer, the size cap, or its time budget.
    const payload = randomBytes(maxBytes);
    const transfer = async (phase: 'download' | 'upload', from: number, span: number) => {
      const phaseStarted = performance.now();
      let bytes = FIRST_TRANSFER_BYTES;
      let total = 0;
      let best = 0;
      for (;;) {
        const t0 = performance.now();
        if (phase === 'download') await client.download(bytes);
        else await client.upload(payload.subarray(0, bytes));
        const ms = performance.now() - t0;
        total += bytes;
        best = Math.max(best, mbps(bytes, ms));
        const spent = performance.now() - phaseStarted;
        progress(phase, from + span * Math.min(1, Math.max(spent / phaseBudgetMs, bytes / maxBytes)));
        const measured = ms >= minTransferMs && bytes >= MIN_TRUSTED_BYTES;
        if (measured || bytes >= maxBytes || spent >= phaseBudgetMs) return { rate: best, total };
        bytes = Math.min(maxBytes, bytes * 2);
      }
    };

    const down = await transfer('download', 0.2, 0.4);
    const up = await transfer('upload', 0.6, 0.4);
    progress('upload', 1);
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      state: 'measured',
      value: {
        downloadMbps: Math.round(down.rate * 10) / 10,
        uploadMbps: Math.round(up.rate * 10) / 10,
        roundTripMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
        roundTripSamplesMs: samples,
        bytesDown: down.total,
        bytesUp: up.total,
        durationMs: Math.round(performance.now() - started),
      },
    };
  } catch (error) {
    return { state: 'unknown', reason: { code: 'central_unreachable', detail: describe(error) } };
  } finally {
    client.close();
  }
}

/** A short technical reason for IT: the connection error code when there is one (ECONNREFUSED, timeout). */
function describe(error: unknown): string {
  if (error instanceof CentralAnswerError) return error.message;
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no answer in time';
  // node:http puts the system code on the error, fetch on its cause.
  for (const source of [error, error.cause]) {
    const code = typeof source === 'object' && source !== null && 'code' in source ? source.code : undefined;
    if (typeof code === 'string') return code;
  }
  return error.message;
}
