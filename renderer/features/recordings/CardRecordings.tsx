import './recordings.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../domain/session/roles';
import { formatDateTime } from '../../i18n/dateTime';
import { useConsole } from '../../store';
import { describeRefusal } from '../refusals';
import { CallQualityFigures } from './CallQualityFigures';
import { RecordedCallsList } from './RecordedCallsList';
import type { RecordingProblem } from './recordingProblem';
import type { PlayingRecording } from './recordingsSlice';

/**
 * The call recordings of the card on screen, for those who review them (§16, §17: supervisors, the head):
 * listed and played from central, which writes every play to its audit log. Other roles see nothing here.
 */
export function CardRecordings() {
  const { t, i18n } = useTranslation('recordings');
  const cardId = useConsole((s) => s.editor.id);
  const mayPlay = useConsole((s) =>
    Boolean(s.appInfo?.centralUrl && s.appInfo && can(s.appInfo.role, 'recordings.play')),
  );
  const list = useConsole((s) => s.cardRecordings);
  const playing = useConsole((s) => s.playing);
  const load = useConsole((s) => s.loadCardRecordings);
  const play = useConsole((s) => s.playRecording);
  const closePlayer = useConsole((s) => s.closePlayer);
  const attachVideo = useConsole((s) => s.attachPlayerVideo);
  useEffect(() => {
    if (mayPlay) void load(cardId);
  }, [mayPlay, cardId, load]);
  useEffect(() => () => closePlayer(), [cardId, closePlayer]);
  if (!mayPlay || !cardId) return null;

  const problemText = (problem: RecordingProblem, failed: string) =>
    'refusal' in problem
      ? describeRefusal(t, i18n.language, problem.refusal)
      : 'offline' in problem
        ? t('card.offline')
        : failed;
  const shown = playing && list.recordings.find((r) => r.fileId === playing.fileId);

  return (
    <section
      className="card-recordings"
      aria-labelledby="card-recordings-title"
      data-testid="card-recordings"
    >
      <div className="card-photos__head">
        <h3 id="card-recordings-title">{t('card.title')}</h3>
      </div>
      <p className="muted">
        {t('card.audited')} {t('card.retention')}
      </p>
      {list.loading && <p className="muted">{t('card.loading')}</p>}
      {list.problem && (
        <div className="banner banner--error" role="alert">
          <p>{problemText(list.problem, t('card.failed'))}</p>
          <button type="button" onClick={() => void load(cardId)}>
            {t('card.retry')}
          </button>
        </div>
      )}
      {!list.loading && !list.problem && list.recordings.length === 0 && (
        <p className="muted">{t('card.none')}</p>
      )}
      {list.recordings.length > 0 && (
        <RecordedCallsList recordings={list.recordings} onPlay={(fileId) => void play(fileId)} />
      )}
      {list.callQuality && <CallQualityFigures quality={list.callQuality} />}
      {playing && (
        <div
          className="card-recordings__player"
          data-testid="recording-load"
          data-loaded-bytes={playing.loadedBytes}
          data-size={playing.size ?? ''}
          data-complete={playing.complete}
        >
          {playing.problem && (
            <p className="banner banner--error" role="alert">
              {problemText(playing.problem, t('card.playFailed'))}
            </p>
          )}
          {playing.url && !playing.problem && (
            <video
              ref={attachVideo}
              src={playing.url}
              controls
              autoPlay
              className="card-recordings__video"
              data-testid="recording-player"
              aria-label={t('card.player', {
                date: shown ? formatDateTime(shown.startedAt, i18n.language) : '',
              })}
            />
          )}
          {!playing.problem && !playing.complete && <LoadingProgress playing={playing} />}
          <button type="button" onClick={closePlayer}>
            {t('card.close')}
          </button>
        </div>
      )}
    </section>
  );
}

/** How much of the recording has arrived (it plays meanwhile where the browser can stream it). */
function LoadingProgress({ playing }: { playing: PlayingRecording }) {
  const { t } = useTranslation('recordings');
  if (playing.size === null) return <p className="muted">{t('card.opening')}</p>;
  const percent = Math.floor((playing.loadedBytes * 100) / Math.max(1, playing.size));
  return (
    <p className="muted card-recordings__loading" data-testid="recording-progress">
      <progress value={playing.loadedBytes} max={playing.size} aria-label={t('card.opening')} />
      {t('card.loaded', { percent })}
    </p>
  );
}
