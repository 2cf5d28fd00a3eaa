import type { StateCreator } from 'zustand';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { RefusalOnWire } from '../../../domain/contract/refusal';
import type { CardRecording } from '../../../domain/files/recording';
import type { CallQualitySummary } from '../../../domain/calls/callQuality';
import type { ConsoleState } from '../../store';
import { CallRecorder, type RecordingSink } from './recorder';
import { blobFromBase64 } from '../photos/photoBytes';

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

export type RecordingProblem = { refusal: RefusalOnWire } | { offline: true } | { failed: true };

/** The recordings of the card on screen, as central lists them for this account (§17). */
export interface CardRecordingsState {
  cardId: string | null;
  loading: boolean;
  recordings: CardRecording[];
  /** The quality figures of the card's call as central stored them (null: none). */
  callQuality: CallQualitySummary | null;
  problem: RecordingProblem | null;
}

export interface RecordingsSlice {
  cardRecordings: CardRecordingsState;
  /** The recording in the player: its object URL once its bytes are here. */
  playing: { fileId: string; url: string | null; problem: RecordingProblem | null } | null;
  /** Whether the call in progress is being recorded (the operator sees it). */
  recordingCall: 'off' | 'recording' | 'problem';
  loadCardRecordings(cardId: string | undefined): Promise<void>;
  playRecording(fileId: string): Promise<void>;
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
        set({ playing: { fileId, url: null, problem: null } });
        const still = () => get().playing?.fileId === fileId;
        const failed = (problem: RecordingProblem) => {
          if (still()) set({ playing: { fileId, url: null, problem } });
        };
        const opened = await bridge.call('recordings.open', { fileId });
        if (!opened.ok) return failed({ failed: true });
        if (!opened.value.ok) return failed(problemOf(opened.value));
        const { contentType } = opened.value;
        const parts: Blob[] = [];
        for (let offset: number | null = 0; offset !== null;) {
          const slice: Awaited<ReturnType<typeof bridge.call<'recordings.read'>>> = await bridge.call(
            'recordings.read',
            { fileId, offset },
          );
          if (!slice.ok) return failed({ failed: true });
          parts.push(blobFromBase64(slice.value.bytesBase64, contentType));
          offset = slice.value.next;
        }
        if (!still()) return;
        set({
          playing: {
            fileId,
            url: URL.createObjectURL(new Blob(parts, { type: contentType })),
            problem: null,
          },
        });
      },
      closePlayer() {
        const url = get().playing?.url;
        if (url) URL.revokeObjectURL(url);
        set({ playing: null });
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
