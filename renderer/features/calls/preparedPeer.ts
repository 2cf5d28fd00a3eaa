import type { IceConfig } from '../../../domain/calls/iceConfig';

/** Opens the operator's camera (video calls) and microphone; null when they cannot be opened. */
export async function openCamera(media: 'video' | 'audio'): Promise<MediaStream | null> {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true, video: media === 'video' });
  } catch {
    return null;
  }
}

/**
 * The operator's side of a call made ready while it rings: camera and microphone open, the peer connection
 * made, its offer set and ICE gathering under way. The accept then carries the offer (central relays it to
 * the citizen only if the accept wins), so between the accept and the citizen's answer there is only the
 * wire (call-setup bench). Nothing leaves the console before the accept: the offer goes with it, and the
 * candidates wait for central's yes (operatorCall.ts).
 */
export interface PreparedPeer {
  media: 'video' | 'audio';
  local: MediaStream;
  pc: RTCPeerConnection;
}

/** null when the camera or microphone would not open (the call then ends as `noMedia`). */
export async function preparePeer(
  media: 'video' | 'audio',
  ice: Promise<IceConfig | null>,
): Promise<PreparedPeer | null> {
  const [local, config] = await Promise.all([openCamera(media), ice]);
  if (!local) return null;
  const pc = new RTCPeerConnection({
    iceServers: config?.iceServers ?? [],
    iceTransportPolicy: config?.iceTransportPolicy ?? 'all',
  });
  const peer = { media, local, pc };
  try {
    for (const track of local.getTracks()) pc.addTrack(track, local);
    await pc.setLocalDescription(await pc.createOffer());
    return peer;
  } catch {
    releasePeer(peer);
    return null;
  }
}

/** A peer no call took (the call was taken by someone else, stopped ringing, or another media is needed). */
export function releasePeer(peer: PreparedPeer | null): void {
  peer?.pc.close();
  for (const track of peer?.local.getTracks() ?? []) track.stop();
}
