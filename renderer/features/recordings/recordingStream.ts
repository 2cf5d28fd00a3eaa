import type { RecordingProblem } from './recordingProblem';

/** One piece of the recording from main, or why there is none. */
export type RecordingPiece =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; next: number | null }
  | { ok: false; problem: RecordingProblem };

/** What the player is told as the recording arrives. */
export interface RecordingStreamEvents {
  /** The address for the video element: at once when the recording streams, at the end when it cannot. */
  url(url: string): void;
  progress(loadedBytes: number): void;
  complete(): void;
  failed(problem: RecordingProblem): void;
}

export interface RecordingStream {
  /** The video element that plays the recording: loading keeps ahead of where it plays. */
  attach(video: HTMLVideoElement | null): void;
  stop(): void;
}

/**
 * How far ahead of the playing position pieces are loaded. Enough to ride out a slow piece; the rest waits for
 * the supervisor to reach it, so a long recording does not fill the browser's media buffer at once.
 */
const AHEAD_SECONDS = 60;
/** A piece that did not come (central out of reach for a moment) is asked for again this many times. */
const READ_RETRIES = 3;
/** When the browser's media buffer is full anyway, what it keeps behind the playing position (for a step back). */
const KEEP_BEHIND_SECONDS = 30;

/**
 * Plays a recording as its pieces arrive (§17): Media Source Extensions append each piece to the video while
 * it plays, so the picture comes after the first piece. A type the browser cannot stream (MediaSource says no)
 * is read whole into a Blob first, as before. Seeking works within what is loaded; seeking beyond waits for it.
 */
export function streamRecording(
  recording: { contentType: string; durationMs: number; read(offset: number): Promise<RecordingPiece> },
  events: RecordingStreamEvents,
): RecordingStream {
  let stopped = false;
  let video: HTMLVideoElement | null = null;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const woken = wake;
    wake = null;
    woken?.();
  };
  const nextMove = () => new Promise<void>((resolve) => (wake = resolve));
  const urls: string[] = [];
  const publish = (url: string) => {
    urls.push(url);
    events.url(url);
  };

  /** Reads the pieces in order from the first, handing each to `take`; false when it stopped or failed. */
  async function readAll(take: (bytes: Uint8Array<ArrayBuffer>) => Promise<void>): Promise<boolean> {
    let loaded = 0;
    for (let offset: number | null = 0; offset !== null;) {
      let piece = await recording.read(offset);
      for (let retry = 1; !piece.ok && 'offline' in piece.problem && retry <= READ_RETRIES; retry++) {
        await new Promise((resolve) => setTimeout(resolve, retry * 1000));
        if (stopped) return false;
        piece = await recording.read(offset);
      }
      if (stopped) return false;
      if (!piece.ok) {
        events.failed(piece.problem);
        return false;
      }
      await take(piece.bytes);
      if (stopped) return false;
      loaded += piece.bytes.byteLength;
      events.progress(loaded);
      offset = piece.next;
    }
    return true;
  }

  async function whole(): Promise<void> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    if (!(await readAll(async (bytes) => void parts.push(bytes)))) return;
    publish(URL.createObjectURL(new Blob(parts, { type: recording.contentType })));
    events.complete();
  }

  async function streamed(source: MediaSource): Promise<void> {
    const buffer = source.addSourceBuffer(recording.contentType);
    // MediaRecorder's WebM states no duration: the listed one gives the seek bar its length until the end is in.
    if (recording.durationMs > 0) source.duration = recording.durationMs / 1000;
    const bufferedEnd = () => (buffer.buffered.length ? buffer.buffered.end(buffer.buffered.length - 1) : 0);
    const room = async () => {
      while (!stopped && video && bufferedEnd() - video.currentTime > AHEAD_SECONDS) await nextMove();
    };
    const append = async (bytes: Uint8Array<ArrayBuffer>) => {
      await room();
      for (;;) {
        if (stopped) return;
        try {
          return await bufferUpdate(buffer, () => buffer.appendBuffer(bytes));
        } catch (error) {
          if (!(error instanceof DOMException && error.name === 'QuotaExceededError')) throw error;
        }
        const keepFrom = (video?.currentTime ?? 0) - KEEP_BEHIND_SECONDS;
        const start = buffer.buffered.length ? buffer.buffered.start(0) : 0;
        if (keepFrom > start) await bufferUpdate(buffer, () => buffer.remove(start, keepFrom));
        else await nextMove();
      }
    };
    // The caller's picture may begin a moment after the sound: media source playback waits at a gap, so the
    // player starts where the media does.
    const toMediaStart = () => {
      if (video && buffer.buffered.length && video.currentTime < buffer.buffered.start(0))
        video.currentTime = buffer.buffered.start(0);
    };
    if (!(await readAll(async (bytes) => (await append(bytes), toMediaStart())))) return;
    source.endOfStream();
    events.complete();
  }

  const moved = () => wakeUp();
  const unreadable = () => {
    if (!stopped) events.failed({ failed: true });
  };
  const attach = (element: HTMLVideoElement | null) => {
    video?.removeEventListener('timeupdate', moved);
    video?.removeEventListener('seeking', moved);
    video?.removeEventListener('error', unreadable);
    video = element;
    video?.addEventListener('timeupdate', moved);
    video?.addEventListener('seeking', moved);
    video?.addEventListener('error', unreadable);
    wakeUp();
  };
  if (typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(recording.contentType)) {
    const source = new MediaSource();
    source.addEventListener('sourceopen', () => void streamed(source).catch(unreadable), { once: true });
    publish(URL.createObjectURL(source));
  } else {
    void whole();
  }

  return {
    attach,
    stop() {
      stopped = true;
      attach(null);
      for (const url of urls) URL.revokeObjectURL(url);
    },
  };
}

/** Runs one change of a SourceBuffer (append or remove) and waits for it to finish. */
function bufferUpdate(buffer: SourceBuffer, change: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const settled = new AbortController();
    const done = (settle: () => void) => () => {
      settled.abort();
      settle();
    };
    buffer.addEventListener('updateend', done(resolve), { signal: settled.signal });
    buffer.addEventListener(
      'error',
      done(() => reject(new Error('the browser could not read the recording'))),
      {
        signal: settled.signal,
      },
    );
    try {
      change();
    } catch (error) {
      settled.abort();
      reject(error);
    }
  });
}
