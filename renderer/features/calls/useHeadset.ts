import { useCallback, useEffect, useRef, useState } from 'react';
import { TELEPHONY_PAGE } from '../../../domain/calls/hidTelephony';
import { useShallow } from 'zustand/react/shallow';
import { useConsole } from '../../store';
import { type ConnectedHeadset, type HeadsetDevice, connectHeadset } from './headset';

/** WebHID as far as used here; absent where the browser has none. */
interface Hid {
  getDevices(): Promise<HeadsetDevice[]>;
  requestDevice(options: { filters: { usagePage: number }[] }): Promise<HeadsetDevice[]>;
}
const hid = (): Hid | undefined => (navigator as Navigator & { hid?: Hid }).hid;

/**
 * The operator's headset (WebHID, telephony page only): lifting the hook takes the first ringing call,
 * putting it back ends the call, its mute button mutes; its ringer and lights follow the console.
 * A headset allowed once is taken again at the next start without asking.
 */
export function useHeadset(): { available: boolean; connected: boolean; choose(): void } {
  const [headset, setHeadset] = useState<ConnectedHeadset | null>(null);
  const store = useRef({
    acceptCall: useConsole((s) => s.acceptCall),
    hangUp: useConsole((s) => s.hangUp),
    toggleMute: useConsole((s) => s.toggleMute),
  });
  const lights = useConsole(
    useShallow((s) => ({
      ring: s.ringing.length > 0 && (s.call === null || s.call.phase === 'ended'),
      offHook: s.call !== null && s.call.phase !== 'ended',
      mute: s.call?.muted ?? false,
    })),
  );

  const take = useCallback(async (devices: HeadsetDevice[]) => {
    for (const device of devices) {
      const connected = await connectHeadset(device, {
        offHook: () => void store.current.acceptCall(),
        onHook: () => store.current.hangUp(),
        toggleMute: () => store.current.toggleMute(),
      }).catch(() => null);
      if (connected) return setHeadset(connected);
    }
  }, []);

  useEffect(() => {
    void hid()
      ?.getDevices()
      .then(take)
      .catch(() => undefined);
  }, [take]);

  useEffect(() => {
    void headset?.show(lights);
  }, [headset, lights]);

  return {
    available: hid() !== undefined,
    connected: headset !== null,
    choose: () =>
      void hid()
        ?.requestDevice({ filters: [{ usagePage: TELEPHONY_PAGE }] })
        .then(take)
        .catch(() => undefined),
  };
}
