import type { SignalData } from 'simple-peer';
import type { CallSignal } from '../../../domain/contract/realtime';

/**
 * simple-peer's signal objects ↔ the contract's call signals (domain/contract/realtime.ts), both ways:
 * central relays only the contract's four kinds, so anything else simple-peer says stays here (null).
 */
export function toCallSignal(data: SignalData): CallSignal | null {
  if ((data.type === 'offer' || data.type === 'answer') && 'sdp' in data && typeof data.sdp === 'string')
    return { kind: data.type, sdp: data.sdp };
  if (data.type === 'candidate' && 'candidate' in data && data.candidate.candidate !== '')
    return {
      kind: 'ice',
      candidate: data.candidate.candidate,
      sdpMid: data.candidate.sdpMid ?? null,
      sdpMLineIndex: data.candidate.sdpMLineIndex ?? null,
    };
  return null;
}

export function toSignalData(signal: Exclude<CallSignal, { kind: 'hangup' }>): SignalData {
  if (signal.kind === 'ice')
    // simple-peer passes the object to `new RTCIceCandidate(…)`, which needs only these three fields.
    return {
      type: 'candidate',
      candidate: {
        candidate: signal.candidate,
        sdpMid: signal.sdpMid,
        sdpMLineIndex: signal.sdpMLineIndex,
      } as RTCIceCandidate,
    };
  return { type: signal.kind, sdp: signal.sdp };
}
