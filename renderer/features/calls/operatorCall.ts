import type { CallSignal } from '../../../domain/contract/realtime';
import { type CallStats, summariseStats } from './callStats';
import { sendVideo } from './videoSending';
import type { PreparedPeer } from './preparedPeer';

export type CallEnd = 'hungUp' | 'citizenHungUp' | 'failed' | 'noMedia';

/** How often the media is looked at, and how long incoming media may stand still before the call is "reconnecting". */
const WATCH_EVERY_MS = 250;
const STALL_AFTER_MS = 1_000;
/**
 * While reconnecting, ICE restarts (the first at once) until the media flows or the call is given up: an offer
 * that left waits ANSWER_WAIT_MS for its answer, and once answered its checks get CHECKS_MS to find a path; an
 * offer that could not leave (main's link to central is down) is made again when the link is back, or after
 * LINK_WAIT_MS.
 */
const ANSWER_WAIT_MS = 2_500;
const CHECKS_MS = 2_000;
const LINK_WAIT_MS = 2_000;
export const GIVE_UP_AFTER_MS = 30_000;

/**
 * The operator's side of one call's media: own camera and microphone, one RTCPeerConnection that offers (the
 * operator accepted, so the operator calls), and the citizen's stream. Signals go out through `send` (main,
 * then central); the citizen's come in through `receive`.
 *
 * Why a raw RTCPeerConnection and ICE restart, not simple-peer re-created inside the call (issue 13.5):
 * - simple-peer 9 cannot restart ICE; re-creating the peer means a new DTLS handshake, new SRTP keys, new
 *   transceivers and a new `track` on both sides (the citizen's page and any recorder would have to swap
 *   streams), while ICE restart keeps the connection, its streams and its keys and only finds a new path:
 *   the cheapest way back within 3 s, and the remote video element never changes stream.
 * - the widget already speaks plain RTCPeerConnection and answers any offer, so a restart offer needs nothing new
 *   on the citizen's side;
 * - simple-peer's own set-up cost (a data channel the call never uses, its `connect` waiting for that channel,
 *   its deferred negotiation) was part of the call-setup bench's gap to the bare reference.
 * A blip is noticed by ICE ('disconnected'/'failed') or, sooner, by the citizen's media standing still
 * (consent checks take seconds to notice a relay that lost its allocation). Then the operator, the offerer,
 * restarts ICE at once, again whenever main's link or the citizen's socket is back (signals sent while a link is
 * down are lost) or an offer waits too long for its answer, and gives the call up after 30 s. Each offer carries its number and only the answer
 * to the newest is applied. Each side's video stops while the media is lost and starts again, with a key
 * frame, as soon as a new path is chosen (videoSending.ts).
 */
export class OperatorCall {
  private pc: RTCPeerConnection | null = null;
  private local: MediaStream | null = null;
  private lastStats: CallStats | null = null;
  private ended = false;
  private connectedOnce = false;
  /** The citizen's candidates that came before the answer they belong to. */
  private pendingIce: RTCIceCandidateInit[] = [];
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private lastBytes = -1;
  private bytesMovedAt = 0;
  /** When the media was lost (performance.now()); null while it flows. */
  private lostAt: number | null = null;
  private watching = false;
  private answeredAt = 0;
  private round = 0;
  /**
   * The number of the newest offer, sent with it and echoed by the citizen's answer: an answer to an offer
   * taken back (a restart overtook it) would otherwise be applied to the newer one, whose ICE credentials it
   * does not know, and the checks would fail until the next restart.
   */
  private offerNumber = 0;
  /** The last restart offer could not leave: the link's return restarts at once. */
  private waitingForLink = false;
  /** Own candidates gathered before central said the call is ours: they leave with that yes (`accepted`). */
  private held: CallSignal[] | null = [];

  constructor(
    private readonly options: {
      /** Resolves whether the signal left for central (false while main's link is down). */
      send(signal: CallSignal): Promise<boolean> | boolean;
      onLocal(stream: MediaStream): void;
      onRemote(stream: MediaStream): void;
      onConnected(): void;
      /** The media stopped (network blip): the call goes on and reconnects. */
      onReconnecting(): void;
      /** The media flows again after a blip. */
      onReconnected(): void;
      onEnded(reason: CallEnd): void;
    },
  ) {}

  /**
   * Takes the peer made ready while the call rang (preparedPeer.ts) and answers its offer, with the candidates
   * gathered so far, for the accept to carry; null without camera or microphone. Later candidates wait for
   * `accepted`: before central's yes the call may be someone else's.
   */
  adopt(peer: PreparedPeer | null): string | null {
    if (!peer) return null;
    const { pc, local } = peer;
    this.pc = pc;
    this.local = local;
    this.options.onLocal(local);
    pc.addEventListener('icecandidate', (event) => {
      const c = event.candidate;
      if (!c?.candidate) return;
      this.signal({
        kind: 'ice',
        candidate: c.candidate,
        sdpMid: c.sdpMid ?? null,
        sdpMLineIndex: c.sdpMLineIndex ?? null,
      });
    });
    let remote: MediaStream | null = null;
    pc.addEventListener('track', (event) => {
      const stream = event.streams[0] ?? remote ?? new MediaStream();
      if (!event.streams[0]) stream.addTrack(event.track);
      if (stream === remote) return;
      remote = stream;
      this.options.onRemote(stream);
    });
    pc.addEventListener('connectionstatechange', () => this.stateChanged());
    // A restart's new path is chosen: the video starts again at once, without waiting for the media watch.
    const iceTransport = pc.getSenders()[0]?.transport?.iceTransport;
    iceTransport?.addEventListener('selectedcandidatepairchange', () => {
      if (this.lostAt !== null && this.pc === pc) void sendVideo(pc, true).catch(() => undefined);
    });
    return pc.localDescription?.sdp ?? null;
  }

  /** Central gave this console the call: the held candidates leave; without camera or microphone it ends. */
  accepted(): void {
    if (this.ended) return;
    if (!this.pc) return this.end('noMedia', false);
    const held = this.held ?? [];
    this.held = null;
    for (const signal of held) void this.options.send(signal);
  }

  /** A rejoin after a reload: the call is already ours, so the offer goes as a signal of its own. */
  start(peer: PreparedPeer | null): void {
    const offer = this.adopt(peer);
    if (offer) void this.options.send({ kind: 'offer', sdp: offer });
    this.accepted();
  }

  /** The accept lost (another operator was first) or never left: the peer closes and nothing is told. */
  discard(): void {
    if (this.ended) return;
    this.ended = true;
    this.close();
  }

  receive(signal: CallSignal): void {
    if (signal.kind === 'hangup') return this.end('citizenHungUp', false);
    if (signal.kind === 'linkBack') return this.citizenLinkBack();
    void this.take(signal).catch(() => undefined);
  }

  /**
   * The citizen's socket is back after a blip. Central keeps nothing for a citizen who was here (a restart offer
   * made while their network was away lost its way), so a call still without media restarts at once, not when
   * the last offer's wait runs out.
   */
  private citizenLinkBack(): void {
    if (!this.pc || this.lostAt === null || this.ended) return;
    this.restartNow();
  }

  /** Main's socket to central is back: a call that lost its media restarts at once instead of at the next tick. */
  linkUp(): void {
    const pc = this.pc;
    if (!pc || this.lostAt === null || !this.waitingForLink || this.ended) return;
    const gathered = /^a=candidate:/m.test(pc.localDescription?.sdp ?? '');
    this.restartNow(pc.signalingState === 'have-local-offer' && gathered);
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
    const pc = this.pc;
    if (!pc || this.ended) return null;
    const reports = [...(await pc.getStats()).values()] as Record<string, unknown>[];
    this.lastStats = summariseStats(reports, this.lastStats, performance.now());
    return this.lastStats;
  }

  hangUp(): void {
    this.end('hungUp', true);
  }

  private async offer(iceRestart: boolean): Promise<boolean> {
    const pc = this.pc;
    if (!pc || this.ended) return false;
    // A restart offer that got no answer (the link was down) is taken back before the next one.
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    const offer = await pc.createOffer({ iceRestart });
    if (this.ended) return false;
    await pc.setLocalDescription(offer);
    this.pendingIce = [];
    this.answeredAt = 0;
    const round = ++this.offerNumber;
    return offer.sdp ? await this.options.send({ kind: 'offer', sdp: offer.sdp, round }) : false;
  }

  private async take(signal: Exclude<CallSignal, { kind: 'hangup' | 'linkBack' }>): Promise<void> {
    const pc = this.pc;
    if (!pc || this.ended) return;
    if (signal.kind === 'answer') {
      // An answer to an offer taken back (a late one, after a newer restart) has nothing to answer.
      if (pc.signalingState !== 'have-local-offer' || (signal.round ?? 0) !== this.offerNumber) return;
      await pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
      this.answeredAt = performance.now();
      const pending = this.pendingIce;
      this.pendingIce = [];
      for (const candidate of pending) await pc.addIceCandidate(candidate).catch(() => undefined);
      return;
    }
    if (signal.kind !== 'ice') return;
    const candidate = {
      candidate: signal.candidate,
      sdpMid: signal.sdpMid,
      sdpMLineIndex: signal.sdpMLineIndex,
    };
    // Central may pass the answer and the candidates after it in another order: they wait for it.
    if (pc.signalingState !== 'stable' || !pc.remoteDescription) this.pendingIce.push(candidate);
    // A candidate of an older round (another ufrag) is refused by the browser: nothing lost.
    else await pc.addIceCandidate(candidate).catch(() => undefined);
  }

  private stateChanged(): void {
    const pc = this.pc;
    if (!pc || this.ended) return;
    switch (pc.connectionState) {
      case 'connected':
        if (!this.connectedOnce) {
          this.connectedOnce = true;
          this.bytesMovedAt = performance.now();
          this.options.onConnected();
          this.watchTimer = setInterval(() => void this.watch(), WATCH_EVERY_MS);
        }
        return;
      case 'disconnected':
      case 'failed':
        if (this.connectedOnce) return this.lost();
        if (pc.connectionState === 'failed') return this.end('failed', true);
        return;
      case 'closed':
        return this.end('failed', false);
      default:
        return;
    }
  }

  /** Incoming media moving (bytes received grow), looked at every quarter second. */
  private async watch(): Promise<void> {
    const pc = this.pc;
    if (!pc || this.ended || this.watching) return;
    this.watching = true;
    try {
      let bytes = 0;
      for (const report of (await pc.getStats()).values() as Iterable<Record<string, unknown>>)
        if (report.type === 'inbound-rtp' && typeof report.bytesReceived === 'number')
          bytes += report.bytesReceived;
      const now = performance.now();
      if (bytes !== this.lastBytes) {
        const first = this.lastBytes < 0;
        this.lastBytes = bytes;
        this.bytesMovedAt = now;
        if (!first && this.lostAt !== null && pc.connectionState === 'connected') this.recovered();
      } else if (now - this.bytesMovedAt >= STALL_AFTER_MS) this.lost();
      if (this.lostAt !== null && now - this.lostAt > GIVE_UP_AFTER_MS) this.end('failed', true);
    } finally {
      this.watching = false;
    }
  }

  private lost(): void {
    if (this.lostAt !== null || this.ended) return;
    this.lostAt = performance.now();
    if (this.pc) void sendVideo(this.pc, false).catch(() => undefined);
    this.options.onReconnecting();
    this.restartNow();
  }

  /** `resendPending`: the restart offer that could not leave goes as it stands instead of a new one. */
  private restartNow(resendPending = false): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const round = ++this.round;
    this.waitingForLink = false;
    const next = (sent: boolean) => {
      if (round !== this.round || this.lostAt === null || this.ended) return;
      this.waitingForLink = !sent;
      this.restartTimer = setTimeout(() => this.restartTick(), sent ? ANSWER_WAIT_MS : LINK_WAIT_MS);
    };
    (resendPending ? this.resendOffer() : this.offer(true)).then(next, () => next(false));
  }

  /**
   * The restart offer made while the link was down: its SDP already carries the candidates gathered since (their
   * own signals were lost), so the citizen can answer and the checks begin without a new offer and a new
   * gathering, a few hundred milliseconds sooner on a loaded machine.
   */
  private async resendOffer(): Promise<boolean> {
    const sdp = this.pc?.localDescription?.sdp;
    return sdp ? await this.options.send({ kind: 'offer', sdp, round: this.offerNumber }) : false;
  }

  private restartTick(): void {
    const pc = this.pc;
    if (!pc || this.ended || this.lostAt === null) return;
    const checksLeft = this.answeredAt > 0 ? CHECKS_MS - (performance.now() - this.answeredAt) : 0;
    if (pc.signalingState === 'stable' && checksLeft > 0)
      this.restartTimer = setTimeout(() => this.restartTick(), checksLeft);
    else this.restartNow();
  }

  private recovered(): void {
    this.lostAt = null;
    this.round++;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    if (this.pc) void sendVideo(this.pc, true).catch(() => undefined);
    this.options.onReconnected();
  }

  private signal(signal: CallSignal): void {
    if (this.held) this.held.push(signal);
    else void this.options.send(signal);
  }

  private end(reason: CallEnd, tellCitizen: boolean): void {
    if (this.ended) return;
    this.ended = true;
    // Before central's yes nothing was told, so nothing is taken back (the hang-up stays held with the rest).
    if (tellCitizen) this.signal({ kind: 'hangup' });
    this.close();
    this.options.onEnded(reason);
  }

  private close(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.pc?.close();
    this.pc = null;
    for (const track of this.local?.getTracks() ?? []) track.stop();
  }
}
