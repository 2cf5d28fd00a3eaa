import { useEffect } from 'react';

/**
 * A ring the operator hears in the headset while a call waits: two short tones a second, made here
 * (no sound file to ship), stopped the moment nothing rings.
 */
export function useRingTone(ringing: boolean): void {
  useEffect(() => {
    if (!ringing || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.value = 0;
    gain.connect(context.destination);
    const tone = context.createOscillator();
    tone.frequency.value = 880;
    tone.connect(gain);
    tone.start();
    const pulse = () => {
      const t = context.currentTime;
      for (const start of [0, 0.25]) {
        gain.gain.setValueAtTime(0.15, t + start);
        gain.gain.setValueAtTime(0, t + start + 0.15);
      }
    };
    pulse();
    const timer = setInterval(pulse, 1000);
    return () => {
      clearInterval(timer);
      tone.stop();
      void context.close();
    };
  }, [ringing]);
}
