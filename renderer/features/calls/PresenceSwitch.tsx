import { useTranslation } from 'react-i18next';
import { type OperatorPresence, OperatorPresenceSchema } from '../../../domain/calls/call';
import { useConsole } from '../../store';

/** Available / in a call / away: calls ring only for an available operator (§7). */
export function PresenceSwitch() {
  const { t } = useTranslation('calls');
  const presence = useConsole((s) => s.presence);
  const setPresence = useConsole((s) => s.setPresence);
  return (
    <label className="calls-presence">
      {t('presence.label')}{' '}
      <select
        value={presence}
        data-testid="presence"
        onChange={(event) => void setPresence(OperatorPresenceSchema.parse(event.target.value))}
      >
        {OperatorPresenceSchema.options.map((status: OperatorPresence) => (
          <option key={status} value={status}>
            {t(`presence.${status}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
