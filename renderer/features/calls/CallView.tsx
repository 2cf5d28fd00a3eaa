import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeRefusal } from '../refusals';
import { CallRecording } from '../recordings/CallRecording';
import { useConsole } from '../../store';
import type { ActiveCall } from './callsSlice';
import { CommandKbd } from '../../commands/CommandKbd';
import { useNow } from './useNow';
import { clockText } from './waitingTime';

const STATS_EVERY_MS = 1000;
const performanceNow = () => performance.now();

function StreamVideo(props: {
  stream: MediaStream | null;
  muted: boolean;
  className: string;
  label: string;
  testId: string;
  /** The first frame of each new stream is on screen. */
  onFirstFrame?: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const { stream, onFirstFrame } = props;
  useEffect(() => {
    const element = video.current;
    if (!element || element.srcObject === stream) return;
    element.srcObject = stream;
    if (stream && onFirstFrame) element.requestVideoFrameCallback(() => onFirstFrame());
  }, [stream, onFirstFrame]);
  return (
    <video
      ref={video}
      className={props.className}
      autoPlay
      playsInline
      muted={props.muted}
      aria-label={props.label}
      data-testid={props.testId}
    />
  );
}

/** The call in progress: the caller large, the operator small, mute, hold, hang up, the timer and quality. */
export function CallView({ call }: { call: ActiveCall }) {
  const { t } = useTranslation('calls');
  const local = useConsole((s) => s.localStream);
  const remote = useConsole((s) => s.remoteStream);
  const hangUp = useConsole((s) => s.hangUp);
  const toggleMute = useConsole((s) => s.toggleMute);
  const toggleHold = useConsole((s) => s.toggleHold);
  const dismissCall = useConsole((s) => s.dismissCall);
  const acceptCall = useConsole((s) => s.acceptCall);
  const sampleCallStats = useConsole((s) => s.sampleCallStats);
  const callerShown = useConsole((s) => s.callerShown);
  const live = call.phase !== 'ended';
  const talking = call.phase === 'inCall' || call.phase === 'reconnecting';
  const now = useNow(talking, performanceNow);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void sampleCallStats(), STATS_EVERY_MS);
    return () => clearInterval(timer);
  }, [live, sampleCallStats]);

  return (
    <section
      className="panel call-view"
      aria-label={t('view.label', { number: call.number })}
      data-testid="call-view"
    >
      <div className="call-view__head">
        <span className={`badge calls-kind calls-kind--${call.kind}`}>{t(`kind.${call.kind}`)}</span>
        <strong>{call.number}</strong>
        <span data-testid="call-phase">{t(`view.phase.${call.phase}`)}</span>
        <CallTimer call={call} now={now} />
        <CallRecording call={call} />
      </div>
      <div className="call-view__media">
        <StreamVideo
          stream={call.held ? null : remote}
          muted={call.held}
          className="call-view__remote"
          label={t('view.remote')}
          testId="remote-video"
          onFirstFrame={callerShown}
        />
        {call.media === 'video' && (
          <StreamVideo
            stream={local}
            muted
            className="call-view__own"
            label={t('view.own')}
            testId="own-video"
          />
        )}
        {call.media === 'audio' && <p className="call-view__audio">{t('view.audioOnly')}</p>}
      </div>
      {call.phase === 'reconnecting' && (
        <p className="banner call-view__reconnecting" role="status" data-testid="call-reconnecting">
          {t('view.phase.reconnecting')}
        </p>
      )}
      {call.held && <p className="banner">{t('view.held')}</p>}
      {call.end && (
        <p className="banner" role="status">
          {t(`view.end.${call.end}`)}
        </p>
      )}
      <div className="call-view__controls">
        {call.phase === 'rejoin' ? (
          <>
            <button type="button" className="primary" onClick={() => void acceptCall()}>
              {t('view.rejoin')} <CommandKbd command="calls.accept" />
            </button>
            <button type="button" className="danger" onClick={hangUp}>
              {t('view.hangUp')} <CommandKbd command="calls.hangUp" />
            </button>
          </>
        ) : live ? (
          <>
            <button type="button" aria-pressed={call.muted} onClick={toggleMute}>
              {call.muted ? t('view.unmute') : t('view.mute')} <CommandKbd command="calls.mute" />
            </button>
            <button type="button" aria-pressed={call.held} onClick={toggleHold}>
              {call.held ? t('view.resume') : t('view.hold')} <CommandKbd command="calls.hold" />
            </button>
            <button type="button" className="danger" onClick={hangUp}>
              {t('view.hangUp')} <CommandKbd command="calls.hangUp" />
            </button>
          </>
        ) : (
          <button type="button" onClick={dismissCall}>
            {t('view.close')}
          </button>
        )}
      </div>
      <CallQuality call={call} />
    </section>
  );
}

/** How long the call has lasted; after hang-up, how long it lasted (what its recording is measured against). */
function CallTimer({ call, now }: { call: ActiveCall; now: number }) {
  const lasted =
    call.connectedAt === null
      ? null
      : call.phase === 'inCall' || call.phase === 'reconnecting'
        ? now - call.connectedAt
        : call.endedAt !== null
          ? call.endedAt - call.connectedAt
          : null;
  return (
    <span
      className="call-view__timer"
      data-testid="call-timer"
      data-ms={lasted === null ? undefined : Math.round(lasted)}
    >
      {lasted === null ? '' : clockText(lasted)}
    </span>
  );
}

function CallQuality({ call }: { call: ActiveCall }) {
  const { t, i18n } = useTranslation('calls');
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const stats = call.stats;
  const figure = (value: number | null, key: 'ms' | 'percent' | 'kbps') =>
    value === null ? '—' : t(`stats.${key}`, { value: format.format(value) });
  return (
    <dl className="call-view__stats" aria-label={t('stats.label')}>
      <dt>{t('stats.rtt')}</dt>
      <dd data-testid="stats-rtt">{figure(stats?.rttMs ?? null, 'ms')}</dd>
      <dt>{t('stats.loss')}</dt>
      <dd data-testid="stats-loss">{figure(stats?.lossPercent ?? null, 'percent')}</dd>
      <dt>{t('stats.bitrate')}</dt>
      <dd data-testid="stats-bitrate">
        {figure(stats?.bitrateKbps ?? null, 'kbps')}
        {stats?.relayed ? ` (${t('stats.relayed')})` : ''}
      </dd>
      <dt>{t('stats.frames')}</dt>
      <dd data-testid="stats-frames" data-value={stats?.framesDecoded ?? 0}>
        {format.format(stats?.framesDecoded ?? 0)}
      </dd>
    </dl>
  );
}

/** What central refused, or that the link is down, in the operator's words. */
export function CallNotice() {
  const { t, i18n } = useTranslation('calls');
  const notice = useConsole((s) => s.callNotice);
  if (!notice) return null;
  return (
    <p className="banner banner--error" role="alert" data-testid="call-notice">
      {'linkDown' in notice ? t('linkDown') : describeRefusal(t, i18n.language, notice.refusal)}
    </p>
  );
}
