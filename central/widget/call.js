// The citizen's side of a video or audio call and of SOS video (§7, §18): own camera and microphone, one
// RTCPeerConnection that answers the operator's offer, the ICE servers central hands out for this call,
// and the signals through the appeal's socket. States for the page: connecting, waiting, inCall, ended,
// failed (with a reason code the page translates).

/** Opens the camera/microphone, registers nothing: the page registers the appeal, then calls `connect`. */
export async function openMedia(media) {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true, video: media === 'video' });
  } catch {
    return null;
  }
}

/**
 * Connects the call of a registered appeal. `onState(state, detail)`: 'waiting' (no operator yet),
 * 'connecting' (an operator accepted), 'inCall', 'ended' ({ by: 'operator' | 'citizen' }),
 * 'failed' ({ reason: 'connection' | 'refused', refusal }).
 */
export function connectCall({ appeal, stream, ice, onState, onRemote, onStatus, onFinished }) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(
    `${scheme}://${location.host}/ws?appeal=${encodeURIComponent(appeal.id)}&citizenToken=${encodeURIComponent(appeal.citizenToken)}`,
  );
  const pc = new RTCPeerConnection({
    iceServers: ice?.iceServers ?? [],
    iceTransportPolicy: ice?.iceTransportPolicy ?? 'all',
  });
  let finished = false;
  for (const track of stream.getTracks()) pc.addTrack(track, stream);

  const send = (signal) => {
    if (socket.readyState === WebSocket.OPEN)
      socket.send(JSON.stringify({ type: 'call.signal', appealId: appeal.id, signal }));
  };
  const finish = (state, detail) => {
    if (finished) return;
    finished = true;
    onFinished();
    for (const track of stream.getTracks()) track.stop();
    pc.close();
    socket.close();
    onState(state, detail);
  };

  pc.addEventListener('icecandidate', (event) => {
    if (!event.candidate || !event.candidate.candidate) return;
    send({
      kind: 'ice',
      candidate: event.candidate.candidate,
      sdpMid: event.candidate.sdpMid ?? null,
      sdpMLineIndex: event.candidate.sdpMLineIndex ?? null,
    });
  });
  pc.addEventListener('track', (event) => onRemote(event.streams[0] ?? new MediaStream([event.track])));
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'connected') onState('inCall');
    if (pc.connectionState === 'failed') finish('failed', { reason: 'connection' });
  });

  socket.addEventListener('open', () => onState('waiting'));
  socket.addEventListener('message', (event) => {
    void (async () => {
      const m = JSON.parse(event.data);
      if (m.type === 'appeal.status') {
        onStatus(m.status);
        if (m.status === 'inProgress') onState('connecting');
      }
      if (m.type === 'call.queue') onState('waiting', { place: m.place });
      if (m.type === 'error') return finish('failed', { reason: 'refused', refusal: m });
      if (m.type !== 'call.signal') return;
      const signal = m.signal;
      if (signal.kind === 'hangup') return finish('ended', { by: 'operator' });
      if (signal.kind === 'offer') {
        await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        send({ kind: 'answer', sdp: answer.sdp });
      }
      if (signal.kind === 'ice')
        await pc.addIceCandidate({
          candidate: signal.candidate,
          sdpMid: signal.sdpMid,
          sdpMLineIndex: signal.sdpMLineIndex,
        });
    })().catch(() => finish('failed', { reason: 'connection' }));
  });
  socket.addEventListener('close', () => {
    if (!finished && pc.connectionState !== 'connected') finish('failed', { reason: 'connection' });
  });

  return {
    /** The device moved: the operator's map follows (sent only while the socket is open). */
    sendLocation(where) {
      if (socket.readyState === WebSocket.OPEN)
        socket.send(JSON.stringify({ type: 'call.location', appealId: appeal.id, location: where }));
    },
    hangUp() {
      send({ kind: 'hangup' });
      finish('ended', { by: 'citizen' });
    },
  };
}
