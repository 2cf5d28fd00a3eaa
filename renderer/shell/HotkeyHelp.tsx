import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { activeRole, helpCommands } from '../commands/availability';
import { useConsole } from '../store';

/** F1: the signed-in role's shortcuts, read from the command registry so it can never fall out of date. */
export function HotkeyHelp() {
  const { t } = useTranslation();
  const open = useConsole((s) => s.helpOpen);
  const toggleHelp = useConsole((s) => s.toggleHelp);
  const role = useConsole(activeRole);
  const commands = useConsole(useShallow(helpCommands));
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);
  if (!open || !role) return null;
  return (
    <div className="overlay" role="presentation" onClick={() => toggleHelp(false)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="hotkeys-title"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="hotkeys-title">{t('hotkeys.title')}</h2>
        <p className="muted">{t(`roles.${role}`)}</p>
        <table className="hotkeys">
          <tbody>
            {commands.map((command) => (
              <tr key={command.id} data-testid="hotkey-row">
                <td>
                  <kbd>{command.keys}</kbd>
                </td>
                <td>{t(command.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeButton} type="button" onClick={() => toggleHelp(false)}>
          {t('hotkeys.close')} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
