import { useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleStoreContext } from '../store';
import { commandsInForce, refusalOf } from './availability';
import { matchesKeys } from './keys';

/**
 * Runs the command whose shortcut was pressed, or says why it cannot run; the registry (with the keys IT
 * configured) is the only hotkey map, and every command answers in every section.
 */
export function useHotkeys(): void {
  const store = useContext(ConsoleStoreContext);
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!store) return;
    const onKey = (event: KeyboardEvent) => {
      const state = store.getState();
      // The console is away (host mode): the overlay says so, and no command runs against nothing.
      if (state.transport === 'lost') {
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape' && state.helpOpen) {
        state.toggleHelp(false);
        return;
      }
      const command = commandsInForce(state).find((c) => matchesKeys(event, c.keys));
      if (!command) return;
      event.preventDefault();
      const refusal = refusalOf(command, state);
      state.showCommandRefusal(refusal);
      if (!refusal) command.run({ store, i18n });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, i18n]);
}
