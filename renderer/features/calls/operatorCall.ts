import SimplePeer from 'simple-peer/simplepeer.min.js';
import type { Instance } from 'simple-peer';
import type { IceConfig } from '../../../domain/calls/iceConfig';
import type { CallSignal } from '../../../domain/contract/realtime';
import { type CallStats, summariseStats } from './callStats';
import { toCallSignal, toSignalData } from './signalWire';

/** simple-peer 9 has `getStats` (a flat list of reports); its published types leave it out. */
interface StatsSource {
  getStats(callback: (error: Error | null, reports: Record<string, unknown>[]) => void): void;
}

export type CallEnd = 'hungUp' | 'citizenHungUp' | 'failed' | 'noMedia';

/**
 * The operator's side of one call's media: own camera and microphone, a simple-peer connection that
 * offers (the operator accepted, so the operator calls), and the citizen's stream. Signals go out through
 * `send` (main, then central); the citizen's come in through `receive`.
 */
/** Opens the operator's camera (video calls) and microphone; null when they cannot be opened. */
export async function openCamera(media: 'video' | 'audio'): Promise<MediaStream | null> {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true, video: media === 'video' });
  } catch {
    return null;
  }
}

export class OperatorCall {
  private peer: Instance | null = null;
  private local: MediaStream | null = null;
  private lastStats: CallStats | null = null;
  private ended = false;

  constructor(
    private readonly options: {
      media: 'video' | 'audio';
      ice: IceConfig | null;
      send(signal: CallSignal): void;
      onLocal(stream: MediaStream): void;
      onRemote(stream: MediaStream): void;
      onConnected(): void;
      onEnded(reason: CallEnd): void;
    },
  ) {}

  /** `camera`: the operator's camera and microphone, opened while central was asked (null: they would not open). */
  async start(camera: Promise<MediaStream | null>): Promise<void> {
    this.local = await camera;
    if (!this.local) return this.end('noMedia', false);
    if (this.ended) return this.stopLocal();
    this.options.onLocal(this.local);
    const peer = new SimplePeer({
      initiator: true,
      trickle: true,
      stream: this.local,
      config: {
        iceServers: this.options.ice?.iceServers ?? [],
        iceTransportPolicy: this.options.ice?.iceTransportPolicy ?? 'all',
      },
    });
    this.peer = peer;
    peer.on('signal', (data) => {
      const signal = toCallSignal(data);
      if (signal) this.options.send(signal);
    });
    peer.on('stream', (stream: MediaStream) => this.options.onRemote(stream));
    peer.on('connect', () => this.options.onConnected());
    // The citizen closing their side aborts the data channel (ERR_DATA_CHANNEL), usually before their
    // hang-up signal has travelled through central; a broken path fails ICE or the connection instead.
    peer.on('error', (error: Error & { code?: string }) =>
      this.end(error.code === 'ERR_DATA_CHANNEL' ? 'citizenHungUp' : 'failed', false),
    );
    peer.on('close', () => this.end('citizenHungUp', false));
  }

  receive(signal: CallSignal): void {
    if (signal.kind === 'hangup') return this.end('citizenHungUp', false);
    if (this.peer && !this.ended) this.peer.signal(toSignalData(signal));
  }

  setMuted(muted: boolean): void {
    for (const track of this.local?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  /** Hold: the citizen neither hears nor sees the operator; the window stops playing the citizen. */
  setHeld(held: boolean, muted: boolean): void {
    for (const track of this.local?.getVideoTracks() ?? []) track.enabled = !held;
    for (const track of this.local?.getAudioTracks() ?? []) track.enabled = !held && !muted;
  }

  async stats(): Promise<CallStats | null> {
    const peer = this.peer;
    if (!peer || this.ended) return null;
    const reports = await new Promise<Record<string, unknown>[]>((resolve) =>
      (peer as Instance & StatsSource).getStats((error, items) => resolve(error ? [] : items)),
    );
    this.lastStats = summariseStats(reports, this.lastStats, performance.now());
    return this.lastStats;
  }

  hangUp(): void {
    this.end('hungUp', true);
  }

  private end(reason: CallEnd, tellCitizen: boolean): void {
    if (this.ended) return;
    this.ended = true;
    if (tellCitizen) this.options.send({ kind: 'hangup' });
    this.peer?.destroy();
    this.peer = null;
    this.stopLocal();
    this.options.onEnded(reason);
  }

  private stopLocal(): void {
    for (const track of this.local?.getTracks() ?? []) track.stop();
  }
}
