import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { useMicrophoneLevel } from './useMicrophoneLevel';

type Opened = { audio: MediaStream | null; video: MediaStream | null };

/** Opens the microphone and the camera separately, so a missing camera does not hide a working headset. */
async function openDevices(): Promise<Opened> {
  const open = (constraints: MediaStreamConstraints) =>
    navigator.mediaDevices.getUserMedia(constraints).catch(() => null);
  const [audio, video] = await Promise.all([open({ audio: true }), open({ video: true })]);
  return { audio, video };
}

const close = (opened: Opened | null) => {
  for (const track of [...(opened?.audio?.getTracks() ?? []), ...(opened?.video?.getTracks() ?? [])])
    track.stop();
};

/** A live microphone meter and camera picture: the operator sees the headset and camera actually work. */
export function DeviceCheck() {
  const { t } = useTranslation('readiness');
  const access = useConsole((s) => s.mediaAccess);
  const check = useConsole((s) => s.checkWorkstation);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [opening, setOpening] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const level = useMicrophoneLevel(opened?.audio ?? null);

  useEffect(() => {
    if (video.current) video.current.srcObject = opened?.video ?? null;
  }, [opened]);
  // Leaving the screen lets go of the camera and microphone: a call must be able to take them.
  useEffect(() => () => close(opened), [opened]);

  const start = async () => {
    setOpening(true);
    const devices = await openDevices();
    setOpened(devices);
    setOpening(false);
    // Opening them was the permission: check again so the report can name the headset and camera.
    if (access !== 'granted' && (devices.audio || devices.video)) void check();
  };

  return (
    <section className="panel readiness-devices" aria-labelledby="readiness-devices-title">
      <div className="panel__head">
        <h2 id="readiness-devices-title">{t('devices.title')}</h2>
        {opened ? (
          <button type="button" onClick={() => setOpened(null)}>
            {t('devices.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => void start()} disabled={opening}>
            {t('devices.start')}
          </button>
        )}
      </div>
      <p className="muted">{t('devices.hint')}</p>
      <div
        className="readiness-meter"
        role="meter"
        aria-label={t('devices.micLevel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(level * 100)}
      >
        <div className="readiness-meter__bar" style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
      {opened && !opened.audio && <p role="alert">{t('devices.noMicrophone')}</p>}
      <video
        ref={video}
        className="readiness-preview"
        aria-label={t('devices.preview')}
        hidden={!opened?.video}
        autoPlay
        muted
        playsInline
      />
      {opened && !opened.video && <p role="alert">{t('devices.noCamera')}</p>}
    </section>
  );
}
