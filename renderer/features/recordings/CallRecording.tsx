import './recordings.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';

/**
 * Records the call in progress (§17) while it is in call, under its card once the card is known, and stops at
 * hang-up; the operator sees that the call is recorded, or that it is not.
 */
export function CallRecording({
  call,
}: {
  call: {
    appealId: string;
    phase: 'accepting' | 'connecting' | 'inCall' | 'reconnecting' | 'rejoin' | 'ended';
    cardId: string | null;
  };
}) {
  const { t } = useTranslation('recordings');
  const remote = useConsole((s) => s.remoteStream);
  const local = useConsole((s) => s.localStream);
  const state = useConsole((s) => s.recordingCall);
  const start = useConsole((s) => s.startCallRecording);
  const link = useConsole((s) => s.linkCallRecording);
  const stop = useConsole((s) => s.stopCallRecording);
  // A blip (reconnecting) keeps the same tracks, so the recording goes on through it.
  const media = call.phase === 'inCall' || call.phase === 'reconnecting' ? remote : null;

  useEffect(() => {
    // Once per call: starting again while a recording runs does nothing.
    if (media) start(media, local);
  }, [media, local, start]);
  useEffect(() => {
    if (call.cardId && state === 'recording') link({ cardId: call.cardId, appealId: call.appealId });
  }, [call.cardId, call.appealId, state, link]);
  useEffect(() => {
    if (call.phase === 'ended') void stop();
  }, [call.phase, stop]);
  useEffect(() => () => void stop(), [stop]);

  if (state === 'off') return null;
  return state === 'recording' ? (
    <span className="badge call-recording" data-testid="call-recording" role="status">
      <span aria-hidden="true">●</span> {t('call.recording')}
    </span>
  ) : (
    <span className="badge call-recording call-recording--problem" data-testid="call-recording" role="alert">
      {t('call.notRecorded')}
    </span>
  );
}
