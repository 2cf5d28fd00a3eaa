import './calls.css';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { CallNotice, CallView } from './CallView';
import { IncomingCalls } from './IncomingCalls';
import { PresenceSwitch } from './PresenceSwitch';

/** The operator's calls beside the work: the call in progress, or what rings, and the operator's status. */
export function CallDock() {
  const { t } = useTranslation('calls');
  const call = useConsole((s) => s.call);
  return (
    <aside className="call-dock" aria-label={t('panel')}>
      <PresenceSwitch />
      <CallNotice />
      {call ? <CallView call={call} /> : <IncomingCalls />}
    </aside>
  );
}
