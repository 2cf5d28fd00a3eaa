/** Where a recording's pieces go: main (through the typed bridge), which writes them to disk as they come. */
export interface RecordingSink {
  /** `appealId`: the call recorded, whose parts main numbers (a reload during the call starts the next part). */
  begin(
    call: { cardId: string; appealId: string },
    mimeType: string,
    startedAt: Date,
  ): Promise<string | null>;
  chunk(recordingId: string, seq: number, atMs: number, bytes: Blob): Promise<void>;
  /** `chunks`: how many times MediaRecorder handed data over (for IT's log when nothing was kept). */
  finish(recordingId: string, chunks: number): Promise<void>;
}

/** About one second of the call per chunk: what a crash can lose. */
export const CHUNK_MS = 1000;

const VIDEO_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm'];

/**
 * Records one call on the operator's console (§17, issue 13 item 6): the caller's video with both voices
 * mixed — the caller's audio and the operator's microphone into one WebAudio destination — through
 * MediaRecorder in ~1 s chunks, each handed to main as it comes. The chunks wait here only until the card is
 * known (`linkCard`); MediaRecorder's WebM carries no duration, so each chunk carries its time since the start,
 * measured on this window's monotonic clock, and the last one is the recording's duration.
 */
export class CallRecorder {
  private readonly audio: AudioContext;
  private readonly recorder: MediaRecorder;
  private readonly startedAt = new Date();
  private readonly startedPerf: number;
  private recordingId: Promise<string | null> | null = null;
  private readonly waiting: { seq: number; atMs: number; data: Blob }[] = [];
  private seq = 0;
  private taken = 0;
  /** Chunks go to main one after another, in order. */
  private sending: Promise<void> = Promise.resolve();
  private stopped: Promise<void> | null = null;
  /** When hang-up asked the recorder to stop: the last chunk, however late a busy machine hands it over, ends there. */
  private stopAtMs: number | null = null;

  constructor(
    remote: MediaStream,
    local: MediaStream | null,
    private readonly sink: RecordingSink,
    private readonly onProblem: (why: string) => void,
  ) {
    this.audio = new AudioContext();
    const mixed = this.audio.createMediaStreamDestination();
    for (const stream of [remote, local]) {
      const tracks = stream?.getAudioTracks() ?? [];
      if (tracks.length > 0) this.audio.createMediaStreamSource(new MediaStream(tracks)).connect(mixed);
    }
    const video = remote.getVideoTracks();
    const types = video.length > 0 ? VIDEO_TYPES : AUDIO_TYPES;
    const mimeType = types.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
    this.recorder = new MediaRecorder(new MediaStream([...video, ...mixed.stream.getAudioTracks()]), {
      mimeType,
    });
    this.recorder.addEventListener('dataavailable', (event) => this.take(event.data));
    this.recorder.addEventListener('error', () => this.onProblem('recorder'));
    this.startedPerf = performance.now();
    this.recorder.start(CHUNK_MS);
  }

  /** The card of the call is known: main begins the recording's file, and what waited is sent. */
  linkCard(call: { cardId: string; appealId: string }): void {
    if (this.recordingId) return;
    this.recordingId = this.sink.begin(call, this.recorder.mimeType, this.startedAt).catch(() => null);
    for (const piece of this.waiting.splice(0)) this.send(piece);
  }

  /** Hang-up: the last chunk is taken, everything sent, and main finishes the file (then uploads it). */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.recorder.state === 'inactive') return resolve();
      this.recorder.addEventListener('stop', () => resolve(), { once: true });
      this.stopAtMs = performance.now() - this.startedPerf;
      this.recorder.stop();
    }).then(async () => {
      void this.audio.close();
      await this.sending;
      const id = await this.recordingId;
      if (id) await this.sink.finish(id, this.taken);
    });
    return this.stopped;
  }

  private take(data: Blob): void {
    this.taken++;
    if (data.size === 0) return;
    const atMs = Math.min(performance.now() - this.startedPerf, this.stopAtMs ?? Infinity);
    const piece = { seq: this.seq++, atMs, data };
    if (this.recordingId) this.send(piece);
    else this.waiting.push(piece);
  }

  private send(piece: { seq: number; atMs: number; data: Blob }): void {
    const recordingId = this.recordingId;
    this.sending = this.sending.then(async () => {
      const id = await recordingId;
      if (!id) return;
      await this.sink.chunk(id, piece.seq, piece.atMs, piece.data).catch(() => this.onProblem('chunk'));
    });
  }
}
