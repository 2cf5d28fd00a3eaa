// The citizen's side of a video or audio call and of SOS video (§7, §18): own camera and microphone, one
// RTCPeerConnection that answers the operator's offer, the ICE servers central hands out for this call,
// and the signals through the appeal's socket. States for the page: connecting, waiting, inCall,
// reconnecting, ended, failed (with a reason code the page translates).
//
// A network blip does not end the call (issue 13.5): the socket is opened again every RECONNECT_MS, what
// the page had to say meanwhile waits for it, and the operator's console (the offerer) restarts ICE; this
// side answers the restart offer like any other. The call is given up after GIVE_UP_MS without network.

const RECONNECT_MS = 250;
const GIVE_UP_MS = 30_000;
const WATCH_EVERY_MS = 250;
/** Incoming media standing still this long means the path is lost (ICE itself takes seconds to notice). */
const STALL_AFTER_MS = 1_000;
/** At most this many signals wait for the socket (the newest restart's offer/answer and candidates). */
const OUTBOX_MAX = 64;

/**
 * Opens the camera/microphone, registers nothing: the page registers the appeal, then calls `connect`.
 * `devices`: the camera and microphone the citizen chose ({ audioId, videoId }), when still there.
 */
export async function openMedia(media, devices = {}) {
  const audio = devices.audioId ? { deviceId: { exact: devices.audioId } } : true;
  const video = media !== 'video' ? false : devices.videoId ? { deviceId: { exact: devices.videoId } } : true;
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video });
  } catch {
    // A chosen device that is gone (unplugged): the browser's default rather than no call.
    if (!devices.audioId && !devices.videoId) return null;
    return openMedia(media, {});
  }
}

/** The cameras and microphones of this device, with their names once a permission was given. */
export async function listDevices() {
  try {
    const all = await navigator.mediaDevices.enumerateDevices();
    return {
      cameras: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
      microphones: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
    };
  } catch {
    return { cameras: [], microphones: [] };
  }
}

/**
 * Stops or starts this side's video encoding (as the console's videoSending.ts does, and why): stopped while a
 * blip lasts, so no stale frames wait to leave; started again once a new path is chosen, with a key frame the
 * operator's decoder takes at once.
 */
async function sendVideo(peer, active) {
  for (const sender of peer.getSenders()) {
    if (sender.track?.kind !== 'video') continue;
    const parameters = sender.getParameters();
    if (parameters.encodings.length === 0) continue;
    for (const encoding of parameters.encodings) encoding.active = active;
    await sender.setParameters(parameters);
  }
}

/** The citizen's socket for an appeal (browsers cannot set headers on a WebSocket). */
function socketUrl(appeal) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?appeal=${encodeURIComponent(appeal.id)}&citizenToken=${encodeURIComponent(appeal.citizenToken)}`;
}

/** Hangs up a call the citizen left while it was being set up: no media, no peer, one word to central. */
export function hangUpUnconnected(appeal) {
  const ws = new WebSocket(socketUrl(appeal));
  ws.addEventListener('open', () => {
    ws.send(JSON.stringify({ type: 'call.signal', appealId: appeal.id, signal: { kind: 'hangup' } }));
    ws.close();
  });
}

/** The DTLS fingerprint an SDP carries (one per peer connection). */
function fingerprint(sdp) {
  return /^a=fingerprint:(.+)$/m.exec(sdp ?? '')?.[1]?.trim() ?? null;
}

/**
 * Connects the call of a registered appeal. `onState(state, detail)`: 'waiting' (no operator yet),
 * 'connecting' (an operator accepted), 'inCall', 'reconnecting' (the network went; the call goes on),
 * 'ended' ({ by: 'operator' | 'citizen' }), 'failed' ({ reason: 'connection' | 'refused', refusal }).
 */
export function connectCall({ appeal, stream, ice, onState, onRemote, onStatus, onFinished }) {
  const url = socketUrl(appeal);
  let pc = null;
  let socket = null;
  let openedOnce = false;
  let finished = false;
  let connectedOnce = false;
  let socketDown = false;
  let mediaLost = false;
  /** When the network went (socket or media); null while the call has it. */
  let lostAt = null;
  let shown = null;
  const outbox = [];
  /** The operator's candidates that came before the offer they belong to: tried again after the next offer. */
  let early = [];
  let watch = null;
  let retry = null;

  const show = (state, detail) => {
    shown = state;
    onState(state, detail);
  };
  /** inCall, or reconnecting while the socket or the media is away (only once the call had begun). */
  const showNetwork = () => {
    if (finished || !connectedOnce) return;
    const lost = socketDown || mediaLost;
    if (lost && lostAt === null) lostAt = Date.now();
    if (!lost) lostAt = null;
    const state = lost ? 'reconnecting' : 'inCall';
    if (state !== shown) show(state);
  };

  const send = (signal) => {
    const frame = JSON.stringify({ type: 'call.signal', appealId: appeal.id, signal });
    if (socket?.readyState === WebSocket.OPEN) return socket.send(frame);
    // A hang-up without a socket goes nowhere: central hears of it when the operator's side notices.
    if (signal.kind === 'hangup') return;
    if (signal.kind === 'answer') outbox.length = 0;
    if (outbox.length < OUTBOX_MAX) outbox.push(frame);
  };
  const finish = (state, detail) => {
    if (finished) return;
    finished = true;
    clearInterval(watch);
    clearTimeout(retry);
    onFinished();
    for (const track of stream.getTracks()) track.stop();
    pc.close();
    socket?.close();
    show(state, detail);
  };

  let remote = null;
  /**
   * The peer connection of this call; made again when the operator's console comes back with a new one (its
   * window was reloaded during the call and the operator rejoined: another DTLS fingerprint in the offer).
   */
  function makePeer() {
    pc?.close();
    const peer = new RTCPeerConnection({
      iceServers: ice?.iceServers ?? [],
      iceTransportPolicy: ice?.iceTransportPolicy ?? 'all',
    });
    pc = peer;
    for (const track of stream.getTracks()) peer.addTrack(track, stream);
    peer.addEventListener('icecandidate', (event) => {
      if (peer !== pc) return;
      if (!event.candidate || !event.candidate.candidate) return;
      send({
        kind: 'ice',
        candidate: event.candidate.candidate,
        sdpMid: event.candidate.sdpMid ?? null,
        sdpMLineIndex: event.candidate.sdpMLineIndex ?? null,
      });
    });
    peer.addEventListener('track', (event) => {
      if (peer !== pc) return;
      const next = event.streams[0] ?? remote ?? new MediaStream();
      if (!event.streams[0]) next.addTrack(event.track);
      if (next === remote) return;
      remote = next;
      onRemote(next);
    });
    peer.addEventListener('connectionstatechange', () => {
      if (peer !== pc) return;
      if (pc.connectionState === 'connected' && !connectedOnce) {
        connectedOnce = true;
        startWatching();
        show('inCall');
      }
      if (pc.connectionState === 'failed' && !connectedOnce) finish('failed', { reason: 'connection' });
      if ((pc.connectionState === 'failed' || pc.connectionState === 'disconnected') && connectedOnce) {
        mediaLost = true;
        showNetwork();
      }
    });
  }
  makePeer();

  /**
   * A restart's new path is chosen: the video starts again at once, without waiting for the media watch. The
   * ICE transport exists once the first offer is applied; each peer is watched once.
   */
  const watchedPaths = new WeakSet();
  function watchPath(peer) {
    const transport = peer.getSenders()[0]?.transport?.iceTransport;
    if (!transport || watchedPaths.has(peer)) return;
    watchedPaths.add(peer);
    transport.addEventListener('selectedcandidatepairchange', () => {
      if (peer === pc && mediaLost) void sendVideo(peer, true).catch(() => undefined);
    });
  }

  /** Incoming media moving: reconnecting when it stands still, in call again when it moves on. */
  function startWatching() {
    let lastBytes = -1;
    let movedAt = Date.now();
    let looking = false;
    watch = setInterval(async () => {
      if (looking || finished) return;
      looking = true;
      try {
        let bytes = 0;
        for (const r of (await pc.getStats()).values())
          if (r.type === 'inbound-rtp' && typeof r.bytesReceived === 'number') bytes += r.bytesReceived;
        const now = Date.now();
        if (bytes !== lastBytes) {
          lastBytes = bytes;
          movedAt = now;
          // Media moves again (after a blip, or from the operator's new peer after a rejoin): the call is back.
          if (mediaLost) void sendVideo(pc, true).catch(() => undefined);
          mediaLost = false;
        } else if (now - movedAt >= STALL_AFTER_MS && !mediaLost) {
          mediaLost = true;
          void sendVideo(pc, false).catch(() => undefined);
        }
        showNetwork();
        if (lostAt !== null && now - lostAt > GIVE_UP_MS) {
          send({ kind: 'hangup' });
          finish('failed', { reason: 'connection' });
        }
      } finally {
        looking = false;
      }
    }, WATCH_EVERY_MS);
  }

  // One signal after another: an offer is applied before the candidates that follow it.
  let queue = Promise.resolve();
  async function take(signal) {
    if (signal.kind === 'hangup') return finish('ended', { by: 'operator' });
    if (signal.kind === 'offer') {
      // The first offer, or the operator's ICE restart after a blip: answered alike; a new console peer
      // (the operator rejoined after a reload) gets a new peer here too.
      const current = pc.remoteDescription ? fingerprint(pc.remoteDescription.sdp) : null;
      if (current !== null && current !== fingerprint(signal.sdp)) makePeer();
      await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      watchPath(pc);
      // The offer's number goes back with its answer: the console applies only the answer to its newest offer.
      send({
        kind: 'answer',
        sdp: answer.sdp,
        ...(signal.round === undefined ? {} : { round: signal.round }),
      });
      const waiting = early;
      early = [];
      for (const candidate of waiting) await pc.addIceCandidate(candidate).catch(() => undefined);
    }
    if (signal.kind === 'ice') {
      const candidate = {
        candidate: signal.candidate,
        sdpMid: signal.sdpMid,
        sdpMLineIndex: signal.sdpMLineIndex,
      };
      // Before its offer (or of a newer round than the offer applied): kept for the next offer.
      if (!pc.remoteDescription) return void early.push(candidate);
      await pc.addIceCandidate(candidate).catch(() => early.length < OUTBOX_MAX && early.push(candidate));
    }
  }

  function open() {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      openedOnce = true;
      socketDown = false;
      if (!connectedOnce) lostAt = null;
      for (const frame of outbox.splice(0)) ws.send(frame);
      // Back after a blip: what the console offered meanwhile was lost, so it is told to offer again now.
      if (connectedOnce)
        ws.send(JSON.stringify({ type: 'call.signal', appealId: appeal.id, signal: { kind: 'linkBack' } }));
      if (!connectedOnce && shown !== 'connecting') show('waiting');
      showNetwork();
    });
    ws.addEventListener('message', (event) => {
      const m = JSON.parse(event.data);
      if (m.type === 'appeal.status') {
        onStatus(m.status);
        if (m.status === 'inProgress' && !connectedOnce) show('connecting');
      }
      if (m.type === 'call.queue' && !connectedOnce) show('waiting', { place: m.place });
      if (m.type === 'error') return finish('failed', { reason: 'refused', refusal: m });
      if (m.type !== 'call.signal') return;
      queue = queue.then(() => take(m.signal)).catch(() => finish('failed', { reason: 'connection' }));
    });
    ws.addEventListener('close', () => {
      if (finished || socket !== ws) return;
      // Never opened: central refused this appeal's socket (or is unreachable) before the call began.
      if (!openedOnce) return finish('failed', { reason: 'connection' });
      socketDown = true;
      if (lostAt === null) lostAt = Date.now();
      showNetwork();
      if (Date.now() - lostAt > GIVE_UP_MS) return finish('failed', { reason: 'connection' });
      retry = setTimeout(open, RECONNECT_MS);
    });
  }
  open();

  return {
    /** The device moved: the operator's map follows (sent only while the socket is open). */
    sendLocation(where) {
      if (socket?.readyState === WebSocket.OPEN)
        socket.send(JSON.stringify({ type: 'call.location', appealId: appeal.id, location: where }));
    },
    hangUp() {
      // A socket still opening would take the hang-up nowhere, and the call would ring on without its caller.
      if (socket?.readyState === WebSocket.OPEN) send({ kind: 'hangup' });
      else hangUpUnconnected(appeal);
      finish('ended', { by: 'citizen' });
    },
  };
}
