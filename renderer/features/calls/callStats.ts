/** The quality figures the call view shows (and the call keeps): from one `getStats` sample and the one before. */
export interface CallStats {
  /** Round-trip time of the path in use, ms. */
  rttMs: number | null;
  /** Share of incoming packets lost since the call began, %. */
  lossPercent: number | null;
  /** Incoming media, kbit/s, over the last interval. */
  bitrateKbps: number | null;
  framesDecoded: number;
  /** Whether the media goes through TURN (a relay candidate on the path in use). */
  relayed: boolean;
  /** What the next sample's bitrate is measured from. */
  bytesReceived: number;
  at: number;
}

type Report = Record<string, unknown> & { type?: unknown; id?: unknown };

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Sums a flat list of RTCStats reports (the values of `RTCPeerConnection.getStats()`). */
export function summariseStats(
  reports: readonly Report[],
  previous: CallStats | null,
  at: number,
): CallStats {
  const byId = new Map(reports.map((r) => [String(r.id), r]));
  let framesDecoded = 0;
  let bytesReceived = 0;
  let lost = 0;
  let received = 0;
  let rttMs: number | null = null;
  let relayed = false;
  for (const r of reports) {
    if (r.type === 'inbound-rtp') {
      framesDecoded += num(r.framesDecoded);
      bytesReceived += num(r.bytesReceived);
      lost += Math.max(0, num(r.packetsLost));
      received += num(r.packetsReceived);
    }
    if (r.type === 'candidate-pair' && r.state === 'succeeded' && r.nominated === true) {
      if (typeof r.currentRoundTripTime === 'number') rttMs = Math.round(r.currentRoundTripTime * 1000);
      const local = byId.get(String(r.localCandidateId));
      const remote = byId.get(String(r.remoteCandidateId));
      relayed = local?.candidateType === 'relay' || remote?.candidateType === 'relay';
    }
  }
  const seconds = previous ? (at - previous.at) / 1000 : 0;
  const bitrateKbps =
    previous && seconds > 0
      ? Math.max(0, Math.round(((bytesReceived - previous.bytesReceived) * 8) / 1000 / seconds))
      : null;
  return {
    rttMs,
    lossPercent: lost + received > 0 ? Math.round((lost / (lost + received)) * 1000) / 10 : null,
    bitrateKbps,
    framesDecoded,
    relayed,
    bytesReceived,
    at,
  };
}
