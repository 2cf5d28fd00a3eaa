/**
 * Stops or starts this side's video encoding. While a blip lasts the encoder would go on filling the pacer with
 * frames that can no longer leave; once the path is back the other side's decoder got those late, or only delta
 * frames whose references were lost, and stood still for one to two seconds more (measured in call-blip). So the
 * video stops when the media is lost and starts again once a new path is chosen: a re-activated encoding starts
 * with a key frame, which the other side decodes at once. The audio goes on throughout.
 */
export async function sendVideo(pc: RTCPeerConnection, active: boolean): Promise<void> {
  for (const sender of pc.getSenders()) {
    if (sender.track?.kind !== 'video') continue;
    const parameters = sender.getParameters();
    if (parameters.encodings.length === 0) continue;
    for (const encoding of parameters.encodings) encoding.active = active;
    await sender.setParameters(parameters);
  }
}
