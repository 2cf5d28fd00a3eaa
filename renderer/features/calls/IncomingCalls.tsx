import { useTranslation } from 'react-i18next';
import type { RingingCall } from '../../../domain/calls/call';
import { useConsole } from '../../store';
import { CommandKbd } from '../../commands/CommandKbd';
import { useNow } from './useNow';
import { useRingTone } from './useRingTone';
import { clockText } from './waitingTime';

/**
 * The dock shows this many ringing calls, most urgent first; the rest wait in the inbox. Hundreds of rows
 * redrawn every second (their waiting times) stalled the whole window, and no one reads past the first few.
 */
export const RINGING_SHOWN = 20;

const degreesByLanguage = new Map<string, Intl.NumberFormat>();
/** One number format per language, not one per row per second. */
function degreesIn(language: string): Intl.NumberFormat {
  let format = degreesByLanguage.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 5 });
    degreesByLanguage.set(language, format);
  }
  return format;
}

/**
 * The calls ringing now, SOS first (§18). Built to move into the operator's inbox as its call rows:
 * `RingingCallRow` is the row, this list only orders and frames them.
 */
export function IncomingCalls({ takesCalls }: { takesCalls: boolean }) {
  const { t } = useTranslation('calls');
  const ringing = useConsole((s) => s.ringing);
  const busy = useConsole((s) => s.call !== null && s.call.phase !== 'ended');
  useRingTone(ringing.length > 0 && !busy && takesCalls);
  const now = useNow(ringing.length > 0);
  return (
    <section className="panel calls-incoming" aria-labelledby="calls-incoming-title">
      <h2 id="calls-incoming-title">{t('ringing')}</h2>
      {ringing.length === 0 ? (
        <p className="muted">{t('noneRinging')}</p>
      ) : (
        <ul>
          {ringing.slice(0, RINGING_SHOWN).map((call, index) => (
            <RingingCallRow
              key={call.appealId}
              call={call}
              now={now}
              first={index === 0}
              disabled={busy}
              takesCalls={takesCalls}
            />
          ))}
        </ul>
      )}
      {ringing.length > RINGING_SHOWN && (
        <p className="muted" data-testid="ringing-more">
          {t('moreRinging', { count: ringing.length - RINGING_SHOWN })} <CommandKbd command="section.inbox" />
        </p>
      )}
    </section>
  );
}

export function RingingCallRow(props: {
  call: RingingCall;
  now: number;
  first: boolean;
  disabled: boolean;
  takesCalls: boolean;
}) {
  const { t, i18n } = useTranslation('calls');
  const acceptCall = useConsole((s) => s.acceptCall);
  const { call } = props;
  const degrees = degreesIn(i18n.language);
  return (
    <li
      className={`calls-ringing calls-ringing--${call.kind}${call.escalated ? ' calls-ringing--escalated' : ''}`}
      data-testid="ringing-call"
    >
      <div className="calls-ringing__head">
        <span className={`badge calls-kind calls-kind--${call.kind}`}>{t(`kind.${call.kind}`)}</span>
        <span>{t(`media.${call.media}`)}</span>
        <strong>{call.number}</strong>
        <span className="muted">
          {t('waiting', { time: clockText(props.now - Date.parse(call.receivedAt)) })}
        </span>
      </div>
      {call.escalated && <p className="calls-ringing__escalated">{t('escalated')}</p>}
      <p className="muted calls-ringing__place">
        {call.location
          ? `${t('place')}: ${degrees.format(call.location.lat)}, ${degrees.format(call.location.lon)}`
          : t('noPlace')}
      </p>
      {props.takesCalls && (
        <button
          type="button"
          className="primary"
          disabled={props.disabled}
          onClick={() => void acceptCall(call.appealId)}
        >
          {t('accept')} {props.first && <CommandKbd command="calls.accept" />}
        </button>
      )}
    </li>
  );
}
