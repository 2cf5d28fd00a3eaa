import type { RefusalOnWire } from '../../domain/contract/refusal';
import type { CardRecording } from '../../domain/files/recording';
import type { CallQualitySummary } from '../../domain/calls/callQuality';
import type { CentralFailure, SignedInCentral } from '../central/client';

/** What the window is told when central does not give a recording: its refusal, or that it is out of reach. */
export type RecordingProblem = { refusal: RefusalOnWire } | { offline: true };

/** How much of an opened recording one answer to the window carries (the host-mode socket's frames are bounded). */
export const PLAY_SLICE_BYTES = 2 * 1024 * 1024;

export interface RecordingPlayer {
  /** A card's recordings as central lists them for this account (none for a role that may not play them). */
  list(
    cardId: string,
  ): Promise<
    | { ok: true; recordings: CardRecording[]; callQuality: CallQualitySummary | null }
    | ({ ok: false } & RecordingProblem)
  >;
  /** Fetches a recording from central (central audits the play) and holds it for `slice`. */
  open(
    fileId: string,
  ): Promise<{ ok: true; size: number; contentType: string } | ({ ok: false } & RecordingProblem)>;
  /** A piece of the recording last opened, from `offset`; null when it is not the one held. */
  slice(fileId: string, offset: number): { bytes: Buffer; next: number | null } | null;
}

const problemOf = (failure: CentralFailure): RecordingProblem =>
  failure.kind === 'http' && failure.refusal ? { refusal: failure.refusal } : { offline: true };

/**
 * Playing call recordings on the console (§17): the bytes come from central through main's one door, and only
 * the recording being played is held, in memory, never written to this workstation's disk.
 */
export function createRecordingPlayer(deps: { central: () => SignedInCentral | null }): RecordingPlayer {
  let held: { fileId: string; bytes: Buffer } | null = null;
  return {
    async list(cardId) {
      const central = deps.central();
      if (!central) return { ok: false, offline: true };
      const answer = await central.call('GET /api/cards/:id/recordings', { params: { id: cardId } });
      return answer.ok
        ? { ok: true, recordings: answer.value.recordings, callQuality: answer.value.callQuality }
        : { ok: false, ...problemOf(answer.failure) };
    },
    async open(fileId) {
      const central = deps.central();
      if (!central) return { ok: false, offline: true };
      const answer = await central.download('GET /api/recordings/:id', { params: { id: fileId } });
      if (!answer.ok) return { ok: false, ...problemOf(answer.failure) };
      held = { fileId, bytes: answer.value.bytes };
      return { ok: true, size: answer.value.bytes.length, contentType: answer.value.contentType };
    },
    slice(fileId, offset) {
      if (held?.fileId !== fileId || offset > held.bytes.length) return null;
      const end = Math.min(held.bytes.length, offset + PLAY_SLICE_BYTES);
      return { bytes: held.bytes.subarray(offset, end), next: end < held.bytes.length ? end : null };
    },
  };
}
