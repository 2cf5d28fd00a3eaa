import { useTranslation } from 'react-i18next';
import type { CardRecording } from '../../../domain/files/recording';
import { type RecordedPart, recordedCalls } from '../../../domain/files/recordedCalls';
import { formatDateTime, formatTimeOfDay } from '../../i18n/dateTime';
import { clockText } from '../calls/waitingTime';

/**
 * A card's recordings as calls (§17): a call recorded in one piece is one line; a call whose console window was
 * reloaded is one entry with its parts in order, "part 1 of 2 … part 2 of 2", each with its start and duration,
 * and how long was not recorded between them.
 */
export function RecordedCallsList({
  recordings,
  onPlay,
}: {
  recordings: CardRecording[];
  onPlay: (fileId: string) => void;
}) {
  const { t, i18n } = useTranslation('recordings');
  const calls = recordedCalls(recordings);
  const partLine = (p: RecordedPart, parts: number) => (
    <li
      key={p.recording.fileId}
      className="card-recording"
      data-testid="card-recording"
      data-part={p.position}
      data-parts={parts}
      data-started-at={p.recording.startedAt}
      data-duration-ms={p.recording.durationMs}
      data-gap-ms={p.gapBeforeMs ?? undefined}
    >
      {p.gapBeforeMs !== null && (
        <span className="card-recording__gap" data-testid="card-recording-gap">
          {t('card.gap', { time: clockText(p.gapBeforeMs) })}
        </span>
      )}
      {parts === 1 ? (
        <span>{t('card.started', { date: formatDateTime(p.recording.startedAt, i18n.language) })}</span>
      ) : (
        <span>
          <strong>{t('card.part', { part: p.position, parts })}</strong>{' '}
          {t('card.partStarted', { time: formatTimeOfDay(p.recording.startedAt) })}
        </span>
      )}
      <span className="muted">{t('card.duration', { time: clockText(p.recording.durationMs) })}</span>
      <button type="button" onClick={() => onPlay(p.recording.fileId)}>
        {t('card.play')}
      </button>
    </li>
  );

  return (
    <ul className="card-recordings__list">
      {calls.map((call) =>
        call.parts.length === 1 && call.parts[0] ? (
          partLine(call.parts[0], 1)
        ) : (
          <li
            key={call.parts[0]?.recording.fileId}
            className="card-recorded-call"
            data-testid="card-recorded-call"
          >
            <span>
              {t('card.callInParts', {
                date: formatDateTime(call.startedAt, i18n.language),
                parts: call.parts.length,
              })}
            </span>
            <ol className="card-recorded-call__parts">
              {call.parts.map((p) => partLine(p, call.parts.length))}
            </ol>
          </li>
        ),
      )}
    </ul>
  );
}
