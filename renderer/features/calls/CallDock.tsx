import './calls.css';
import { useTranslation } from 'react-i18next';
import { can } from '../../../domain/session/roles';
import { useConsole } from '../../store';
import { CallNotice, CallView } from './CallView';
import { HeadsetButton } from './HeadsetButton';
import { IncomingCalls } from './IncomingCalls';
import { PresenceSwitch } from './PresenceSwitch';

/** The operator's calls beside the work: the call in progress, or what rings, and the operator's status. */
export function CallDock() {
  const { t } = useTranslation('calls');
  const call = useConsole((s) => s.call);
  // A supervisor sees the calls that waited too long (highlighted), and takes none of them.
  const takesCalls = useConsole((s) => (s.appInfo ? can(s.appInfo.role, 'calls.accept') : false));
  return (
    <aside className="call-dock" aria-label={t('panel')}>
      {takesCalls && <PresenceSwitch />}
      {takesCalls && <HeadsetButton />}
      <CallNotice />
      {call ? <CallView call={call} /> : <IncomingCalls takesCalls={takesCalls} />}
    </aside>
  );
}
