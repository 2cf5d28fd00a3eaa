import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../store';

/** Long enough to read a line; the next key press replaces it anyway. */
const SHOWN_FOR_MS = 6_000;

/** Why the key just pressed did nothing, in the operator's language; a key press never fails silently. */
export function CommandRefusalNotice() {
  const { t } = useTranslation();
  const refusal = useConsole((s) => s.commandRefusal);
  const showCommandRefusal = useConsole((s) => s.showCommandRefusal);
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(() => showCommandRefusal(null), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [refusal, showCommandRefusal]);
  if (!refusal) return null;
  const role = refusal.params?.role;
  return (
    <div className="command-refusal" role="alert" data-testid="command-refusal">
      {t(refusal.key, { ...refusal.params, ...(role ? { role: t(`common:roles.${role}`) } : {}) })}
    </div>
  );
}
