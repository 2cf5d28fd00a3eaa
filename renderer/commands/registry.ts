import type { i18n } from 'i18next';
import type { StoreApi } from 'zustand';
import { LANGUAGES } from '../i18n/translations';
import { saveLanguage } from '../i18n';
import { openPhotoChooser } from '../features/cards/photoChooser';
import type { ConsoleState } from '../store';
import type { Keys } from './keys';

export interface CommandContext {
  store: StoreApi<ConsoleState>;
  i18n: i18n;
}

/** An operator command: its name, shortcut, when it applies and what it does, in one place (F1 reads these). */
export interface Command {
  id: string;
  /** i18next key with its namespace, e.g. "cards:commands.save". */
  label: string;
  keys: Keys;
  when?: (state: ConsoleState) => boolean;
  run: (context: CommandContext) => void;
}

const inCards = (state: ConsoleState) => state.view === 'cards';

export const COMMANDS: readonly Command[] = [
  { id: 'help', label: 'common:hotkeys.help', keys: 'F1', run: ({ store }) => store.getState().toggleHelp() },
  {
    id: 'cards.new',
    label: 'cards:commands.newCard',
    keys: 'Alt+N',
    when: inCards,
    run: ({ store }) => {
      store.getState().newCard();
      document.getElementById('card-description')?.focus();
    },
  },
  {
    id: 'cards.save',
    label: 'cards:commands.save',
    keys: 'Ctrl+S',
    when: inCards,
    run: ({ store }) => void store.getState().saveCard(),
  },
  {
    id: 'cards.focusDescription',
    label: 'cards:commands.focusDescription',
    keys: 'Alt+D',
    when: inCards,
    run: () => document.getElementById('card-description')?.focus(),
  },
  {
    id: 'cards.attachPhoto',
    label: 'cards:commands.attachPhoto',
    keys: 'Alt+P',
    when: inCards,
    run: openPhotoChooser,
  },
  {
    id: 'sync.now',
    label: 'sync:commands.syncNow',
    keys: 'Alt+Y',
    when: (state) => Boolean(state.appInfo?.centralUrl),
    run: ({ store }) => void store.getState().syncNow(),
  },
  {
    id: 'language.next',
    label: 'common:language.label',
    keys: 'Alt+L',
    run: ({ i18n }) => {
      const next =
        LANGUAGES[(LANGUAGES.indexOf(i18n.language as (typeof LANGUAGES)[number]) + 1) % LANGUAGES.length] ??
        'kk';
      saveLanguage(next);
      void i18n.changeLanguage(next);
    },
  },
  {
    id: 'theme.toggle',
    label: 'common:theme.label',
    keys: 'Alt+T',
    run: ({ store }) => {
      const { theme, setTheme } = store.getState();
      setTheme(theme === 'dark' ? 'light' : 'dark');
    },
  },
];
