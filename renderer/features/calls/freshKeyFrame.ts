/**
 * Makes this side's video encoder start again with a key frame. After a blip the other side's decoder holds
 * only delta frames whose references were lost; left alone, it asks for a key frame (PLI) only once its
 * frame buffer has waited about one and a half seconds more (measured in call-blip), most of the time the
 * call then stays frozen after the path is back. Switching the encoding off and on again is the one way a
 * page has to ask its own encoder for a key frame (a re-activated layer starts with one).
 */
export async function freshKeyFrame(pc: RTCPeerConnection): Promise<void> {
  for (const sender of pc.getSenders()) {
    if (sender.track?.kind !== 'video') continue;
    const off = sender.getParameters();
    if (off.encodings.length === 0) continue;
    for (const encoding of off.encodings) encoding.active = false;
    await sender.setParameters(off);
    const on = sender.getParameters();
    for (const encoding of on.encodings) encoding.active = true;
    await sender.setParameters(on);
  }
}
