import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { RefusalOnWire } from '../../../domain/contract/refusal';
import type { CardRecording } from '../../../domain/files/recording';
import type { CallQualitySummary } from '../../../domain/calls/callQuality';
import type { ConsoleState } from '../../store';
import { CallRecorder, type RecordingSink } from './recorder';
import { bytesFromBase64 } from '../photos/photoBytes';
import type { RecordingProblem } from './recordingProblem';
import { type RecordingPiece, type RecordingStream, streamRecording } from './recordingStream';

/**
 * A chunk as base64 for the contract. Not the photos' reader: a recording's type carries its codecs
 * ("video/webm;codecs=vp8,opus"), so the data URL has a comma before the one that starts the bytes.
 */
function chunkAsBase64(chunk: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const marker = url.indexOf(';base64,');
      resolve(marker >= 0 ? url.slice(marker + ';base64,'.length) : null);
    };
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(chunk);
  });
}

/** The recordings of the card on screen, as central lists them for this account (§17). */
export interface CardRecordingsState {
  cardId: string | null;
  loading: boolean;
  recordings: CardRecording[];
  /** The quality figures of the card's call as central stored them (null: none). */
  callQuality: CallQualitySummary | null;
  problem: RecordingProblem | null;
}

export interface PlayingRecording {
  fileId: string;
  url: string | null;
  problem: RecordingProblem | null;
  /** The recording's size once central told it; null while it is being opened. */
  size: number | null;
  loadedBytes: number;
  /** Every byte has arrived. */
  complete: boolean;
}

export interface RecordingsSlice {
  cardRecordings: CardRecordingsState;
  /** The recording in the player: its address once it can start, and how much of it has arrived. */
  playing: PlayingRecording | null;
  /** Whether the call in progress is being recorded (the operator sees it). */
  recordingCall: 'off' | 'recording' | 'problem';
  loadCardRecordings(cardId: string | undefined): Promise<void>;
  playRecording(fileId: string): Promise<void>;
  /** The video element showing the recording (null when it goes): loading keeps ahead of where it plays. */
  attachPlayerVideo(video: HTMLVideoElement | null): void;
  closePlayer(): void;
  /** Starts recording the call: the caller's stream with both voices mixed (calls/recorder.ts). */
  startCallRecording(remote: MediaStream, local: MediaStream | null): void;
  /** The call's card is known: the recording is begun in main under it, as a part of the call. */
  linkCallRecording(call: { cardId: string; appealId: string }): void;
  stopCallRecording(): Promise<void>;
}

const problemOf = (answer: { ok: false; refusal: RefusalOnWire } | { ok: false; offline: true }) =>
  'refusal' in answer ? { refusal: answer.refusal } : { offline: true as const };

export const createRecordingsSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], RecordingsSlice> =>
  (set, get) => {
    let recorder: CallRecorder | null = null;
    /** The play in the player (a new object per play, so a late answer to an earlier one is dropped). */
    let current: object | null = null;
    let stream: RecordingStream | null = null;
    let video: HTMLVideoElement | null = null;
    /** What went wrong with a recording, for IT (main's log; nothing personal in it). */
    const logProblem = (event: string, detail: string) =>
      void bridge.call('log.write', { level: 'warn', event: `recording.${event}`, detail });
    const sink: RecordingSink = {
      async begin({ cardId, appealId }, mimeType, startedAt) {
        const answer = await bridge.call('recordings.begin', {
          cardId,
          appealId,
          mimeType,
          startedAt: startedAt.toISOString(),
        });
        if (!answer.ok) {
          logProblem('beginRefused', answer.error.code);
          set({ recordingCall: 'problem' });
        }
        return answer.ok ? answer.value.recordingId : null;
      },
      async chunk(recordingId, seq, atMs, bytes) {
        const bytesBase64 = await chunkAsBase64(bytes);
        if (bytesBase64 === null) throw new Error('a chunk could not be read');
        const answer = await bridge.call('recordings.chunk', { recordingId, seq, atMs, bytesBase64 });
        if (!answer.ok) {
          logProblem('chunkRefused', `${answer.error.code} ${JSON.stringify(answer.error.issues ?? [])}`);
          throw new Error(answer.error.code);
        }
      },
      async finish(recordingId, chunks) {
        const answer = await bridge.call('recordings.finish', { recordingId });
        if (!answer.ok || answer.value === null) logProblem('empty', `chunks ${chunks}`);
      },
    };

    return {
      cardRecordings: { cardId: null, loading: false, recordings: [], callQuality: null, problem: null },
      playing: null,
      recordingCall: 'off',
      async loadCardRecordings(cardId) {
        if (!cardId)
          return set({
            cardRecordings: {
              cardId: null,
              loading: false,
              recordings: [],
              callQuality: null,
              problem: null,
            },
          });
        set({ cardRecordings: { cardId, loading: true, recordings: [], callQuality: null, problem: null } });
        const answer = await bridge.call('recordings.list', { cardId });
        if (get().cardRecordings.cardId !== cardId) return;
        set({
          cardRecordings: !answer.ok
            ? { cardId, loading: false, recordings: [], callQuality: null, problem: { failed: true } }
            : answer.value.ok
              ? {
                  cardId,
                  loading: false,
                  recordings: answer.value.recordings,
                  callQuality: answer.value.callQuality,
                  problem: null,
                }
              : {
                  cardId,
                  loading: false,
                  recordings: [],
                  callQuality: null,
                  problem: problemOf(answer.value),
                },
        });
      },
      async playRecording(fileId) {
        get().closePlayer();
        const play = {};
        current = play;
        const update = (change: Partial<PlayingRecording>) => {
          const shown = get().playing;
          if (current === play && shown) set({ playing: { ...shown, ...change } });
        };
        set({ playing: { fileId, url: null, problem: null, size: null, loadedBytes: 0, complete: false } });
        const opened = await bridge.call('recordings.open', { fileId });
        if (!opened.ok) return update({ problem: { failed: true } });
        if (!opened.value.ok) return update({ problem: problemOf(opened.value) });
        if (current !== play) return;
        const { contentType, size } = opened.value;
        update({ size });
        const read = async (offset: number): Promise<RecordingPiece> => {
          const answer = await bridge.call('recordings.read', { fileId, offset });
          if (!answer.ok) return { ok: false, problem: { failed: true } };
          if (!answer.value.ok) return { ok: false, problem: problemOf(answer.value) };
          return { ok: true, bytes: bytesFromBase64(answer.value.bytesBase64), next: answer.value.next };
        };
        const durationMs = get().cardRecordings.recordings.find((r) => r.fileId === fileId)?.durationMs ?? 0;
        stream = streamRecording(
          { contentType, durationMs, read },
          {
            url: (url) => update({ url }),
            progress: (loadedBytes) => update({ loadedBytes }),
            complete: () => update({ complete: true }),
            failed: (problem) => update({ problem }),
          },
        );
        stream.attach(video);
      },
      attachPlayerVideo(element) {
        video = element;
        stream?.attach(element);
      },
      closePlayer() {
        if (!current) return;
        current = null;
        stream?.stop();
        stream = null;
        set({ playing: null });
        void bridge.call('recordings.close', {});
      },
      startCallRecording(remote, local) {
        if (recorder) return;
        try {
          recorder = new CallRecorder(remote, local, sink, (why) => {
            logProblem('failed', why);
            set({ recordingCall: 'problem' });
          });
          set({ recordingCall: 'recording' });
        } catch (error) {
          logProblem('notStarted', error instanceof Error ? error.name : 'unknown');
          // No MediaRecorder for these tracks: the call goes on, the operator is told it is not recorded.
          set({ recordingCall: 'problem' });
        }
      },
      linkCallRecording(call) {
        recorder?.linkCard(call);
      },
      async stopCallRecording() {
        const stopping = recorder;
        recorder = null;
        await stopping?.stop();
        if (!recorder) set({ recordingCall: 'off' });
      },
    };
  };
