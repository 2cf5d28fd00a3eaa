import { useEffect, useState } from 'react';

/** Loudness of the stream's microphone as 0..1 (−60 dBFS and below is silence), sampled every animation frame. */
export function useMicrophoneLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let frame = 0;
    const sample = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const decibels = 20 * Math.log10(Math.sqrt(sum / samples.length) || 1e-6);
      setLevel(Math.min(1, Math.max(0, (decibels + 60) / 60)));
      frame = requestAnimationFrame(sample);
    };
    sample();
    return () => {
      cancelAnimationFrame(frame);
      source.disconnect();
      void context.close();
      setLevel(0);
    };
  }, [stream]);
  return level;
}
