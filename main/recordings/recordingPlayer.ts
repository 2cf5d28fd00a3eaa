import type { RefusalOnWire } from '../../domain/contract/refusal';
import type { CardRecording } from '../../domain/files/recording';
import { pieceBytesAt } from '../../domain/files/recordingPlay';
import type { CallQualitySummary } from '../../domain/calls/callQuality';
import type { CentralFailure, CentralResult, FilePart, SignedInCentral } from '../central/client';

/** What the window is told when central does not give a recording: its refusal, or that it is out of reach. */
export type RecordingProblem = { refusal: RefusalOnWire } | { offline: true };

export interface RecordingPlayer {
  /** A card's recordings as central lists them for this account (none for a role that may not play them). */
  list(
    cardId: string,
  ): Promise<
    | { ok: true; recordings: CardRecording[]; callQuality: CallQualitySummary | null }
    | ({ ok: false } & RecordingProblem)
  >;
  /** Begins a play: central is asked for the first piece (and audits the play) and tells the recording's size. */
  open(
    fileId: string,
  ): Promise<{ ok: true; size: number; contentType: string } | ({ ok: false } & RecordingProblem)>;
  /** The piece of the recording being played that starts at `offset`; null when it is not the one being played. */
  read(
    fileId: string,
    offset: number,
  ): Promise<{ ok: true; bytes: Buffer; next: number | null } | ({ ok: false } & RecordingProblem) | null>;
  /** The player closed: the piece held ahead goes with it. */
  close(): void;
}

const problemOf = (failure: CentralFailure): RecordingProblem =>
  failure.kind === 'http' && failure.refusal ? { refusal: failure.refusal } : { offline: true };

/** The recording being played: its size as central gave it first, and the one piece fetched ahead, if any. */
interface Play {
  fileId: string;
  size: number;
  contentType: string;
  ahead: { offset: number; piece: Promise<CentralResult<FilePart>> } | null;
}

/**
 * Playing call recordings on the console (§17): the bytes come from central through main's one door, piece by
 * piece as the window plays them (HTTP Range), never written to this workstation's disk. Main holds one piece
 * ahead of the window, so a 30-minute call costs it half a megabyte at most, not hundreds, and the first
 * picture waits for one small piece, not for the whole file. Central audits the play at its first piece.
 */
export function createRecordingPlayer(deps: { central: () => SignedInCentral | null }): RecordingPlayer {
  let play: Play | null = null;
  const fetchPiece = async (fileId: string, start: number): Promise<CentralResult<FilePart>> => {
    const central = deps.central();
    if (!central) return { ok: false, failure: { kind: 'signedOut', message: 'no central' } };
    return central.downloadPart(
      'GET /api/recordings/:id',
      { params: { id: fileId } },
      { start, maxBytes: pieceBytesAt(start) },
    );
  };
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
      play = null;
      const first = await fetchPiece(fileId, 0);
      if (!first.ok) return { ok: false, ...problemOf(first.failure) };
      const { total, contentType } = first.value;
      play = { fileId, size: total, contentType, ahead: { offset: 0, piece: Promise.resolve(first) } };
      return { ok: true, size: total, contentType };
    },
    async read(fileId, offset) {
      const current = play;
      if (current?.fileId !== fileId || offset >= current.size) return null;
      const piece =
        current.ahead?.offset === offset ? await current.ahead.piece : await fetchPiece(fileId, offset);
      // Closed, or another recording opened, while central answered.
      if (play !== current) return null;
      current.ahead = null;
      if (!piece.ok) return { ok: false, ...problemOf(piece.failure) };
      // The file changed size under the play: its pieces no longer make one recording.
      if (piece.value.total !== current.size) return { ok: false, offline: true };
      const next = offset + piece.value.bytes.length;
      if (next >= current.size) return { ok: true, bytes: piece.value.bytes, next: null };
      current.ahead = { offset: next, piece: fetchPiece(fileId, next) };
      return { ok: true, bytes: piece.value.bytes, next };
    },
    close() {
      play = null;
    },
  };
}
