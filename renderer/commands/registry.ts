import type { i18n } from 'i18next';
import type { StoreApi } from 'zustand';
import { ROLE_PERMISSIONS, type Role } from '../../domain/session/roles';
import { ACCEPT_CALL_KEYS, HANG_UP_KEYS, HOLD_KEYS, MUTE_KEYS } from '../features/calls';
import { PHOTO_INPUT_ID, openPhotoChooser } from '../features/photos/photoChooser';
import { CHAT_INPUT_ID } from '../features/chat/ChatPanel';
import { APPLICANT_FIRST_ID } from '../features/cards/ApplicantFields';
import { ADD_VEHICLE_ID } from '../features/cards/SeenFields';
import { stepButtonId } from '../features/cards/CardFormActions';
import { INCIDENT_MAP_ID, PLACE_SEARCH_ID } from '../features/map/ids';
import { BOARD_IDS } from '../features/board/ids';
import { UNITS_PANEL_ID, UNIT_STATUS_BUTTON_ID } from '../features/units/ids';
import { saveLanguage } from '../i18n';
import { LANGUAGES } from '../i18n/translations';
import { SECTION_INFO } from '../shell/sections';
import type { ConsoleState } from '../store';
import { focusWhenShown, whenShown } from './focus';
import type { Keys } from './keys';

export interface CommandContext {
  store: StoreApi<ConsoleState>;
  i18n: i18n;
}

/** What deciding whether a command may run reads of the store. */
export type CommandState = Pick<ConsoleState, 'appInfo' | 'session' | 'view'>;

/** Why a command cannot run: a `shell:` message key and its parameters, shown to the operator. */
export interface CommandRefusal {
  key: string;
  params?: Record<string, string>;
}

/** An operator command: its name, shortcut, who has it, when it cannot run and what it does (F1 reads these). */
export interface Command {
  id: string;
  /** i18next key with its namespace, e.g. "cards:commands.save". */
  label: string;
  keys: Keys;
  /** The roles that have it; absent: every role. F1 lists only the signed-in role's commands. */
  roles?: readonly Role[];
  /** Works on the sign-in screen too (help, language, theme). */
  beforeSignIn?: boolean;
  /** Why it cannot run now, whatever the section; null when it can. */
  when?: (state: CommandState) => CommandRefusal | null;
  run: (context: CommandContext) => void;
}

const CARD_WRITERS = ROLE_PERMISSIONS['cards.write'];
const CALL_TAKERS = ROLE_PERMISSIONS['calls.accept'];
/** Who sends units (§13); the vehicle systems' account never signs in to the console. */
const DISPATCHERS = ROLE_PERMISSIONS['units.dispatch'].filter((role) => role !== 'integration');
const UNIT_COMMANDERS = ROLE_PERMISSIONS['units.status'].filter((role) => role !== 'integration');

/** Card commands work from any section: they open the cards first, then act on the card being filled in. */
const inCards =
  (act: (context: CommandContext) => void) =>
  (context: CommandContext): void => {
    context.store.getState().showView('cards');
    act(context);
  };

/** A board command: opens the board, then presses or focuses the selected card's control once it is shown. */
function boardCommand(
  id: string,
  control: Exclude<keyof typeof BOARD_IDS, 'list'>,
  keys: Keys,
  roles: readonly Role[],
  act: (element: HTMLElement) => void,
): Command[] {
  return [
    {
      id,
      label: `board:commands.${control}`,
      keys,
      roles,
      when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
      run: ({ store }) => {
        store.getState().showView('board');
        whenShown(BOARD_IDS[control], act);
      },
    },
  ];
}

const sectionCommands: Command[] = SECTION_INFO.map((section) => ({
  id: `section.${section.id}`,
  label: section.label,
  keys: section.keys,
  roles: section.roles,
  run: ({ store }) => store.getState().showView(section.id),
}));

export const COMMANDS: readonly Command[] = [
  {
    id: 'help',
    label: 'common:hotkeys.help',
    keys: 'F1',
    beforeSignIn: true,
    run: ({ store }) => store.getState().toggleHelp(),
  },
  ...sectionCommands,
  {
    id: 'cards.new',
    label: 'cards:commands.newCard',
    keys: 'Alt+N',
    roles: CARD_WRITERS,
    run: inCards(({ store }) => {
      store.getState().newCard();
      focusWhenShown('card-description');
    }),
  },
  {
    id: 'cards.save',
    label: 'cards:commands.save',
    keys: 'Ctrl+S',
    roles: CARD_WRITERS,
    run: inCards(({ store }) => void store.getState().saveCard()),
  },
  {
    id: 'cards.focusDescription',
    label: 'cards:commands.focusDescription',
    keys: 'Alt+D',
    roles: CARD_WRITERS,
    run: inCards(() => focusWhenShown('card-description')),
  },
  {
    id: 'cards.send',
    label: 'cardFields:commands.send',
    keys: 'Ctrl+Enter',
    roles: CARD_WRITERS,
    when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
    run: inCards(() => whenShown(stepButtonId('sendToInspector'), (button) => button.click())),
  },
  {
    id: 'cards.focusApplicant',
    label: 'cardFields:commands.focusApplicant',
    keys: 'Alt+I',
    roles: CARD_WRITERS,
    run: inCards(() =>
      whenShown(APPLICANT_FIRST_ID, (anonymous) =>
        (document.getElementById('card-applicant-name') ?? anonymous).focus(),
      ),
    ),
  },
  {
    id: 'cards.toggleAnonymous',
    label: 'cardFields:commands.toggleAnonymous',
    keys: 'Alt+Shift+A',
    roles: CARD_WRITERS,
    run: inCards(() => whenShown(APPLICANT_FIRST_ID, (checkbox) => checkbox.click())),
  },
  {
    id: 'cards.addVehicle',
    label: 'cardFields:commands.addVehicle',
    keys: 'Alt+Shift+V',
    roles: CARD_WRITERS,
    run: inCards(() => whenShown(ADD_VEHICLE_ID, (button) => button.click())),
  },
  {
    id: 'cards.focusAddress',
    label: 'cardFields:commands.focusAddress',
    keys: 'Alt+G',
    roles: CARD_WRITERS,
    run: inCards(() => focusWhenShown('card-address')),
  },
  {
    id: 'inbox.open',
    label: 'inbox:commands.open',
    keys: 'Alt+O',
    roles: ['operator', 'supervisor'],
    when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
    run: ({ store }) => void store.getState().openCardFromInbox(),
  },
  {
    id: 'inbox.forward',
    label: 'inbox:commands.forward',
    keys: 'Alt+W',
    roles: ['operator', 'supervisor'],
    when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
    run: ({ store }) => {
      store.getState().showView('inbox');
      void store.getState().startForward();
    },
  },
  {
    id: 'inbox.reply',
    label: 'inbox:commands.reply',
    keys: 'Alt+R',
    roles: ['operator', 'supervisor'],
    when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
    run: ({ store }) =>
      void store
        .getState()
        .replyFromInbox()
        .then((ready) => ready && focusWhenShown(CHAT_INPUT_ID)),
  },
  {
    id: 'inbox.linkDuplicate',
    label: 'inbox:commands.linkDuplicate',
    keys: 'Alt+J',
    roles: ['operator', 'supervisor'],
    when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
    run: ({ store }) => {
      store.getState().showView('inbox');
      void store.getState().linkDuplicate();
    },
  },
  {
    // The inbox's selected appeal, or the appeal of the card being filled in: its photos, voice messages, videos.
    id: 'attachments.view',
    label: 'attachments:commands.view',
    keys: 'Alt+V',
    roles: ['operator', 'supervisor'],
    when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
    run: ({ store }) => {
      const { view, inboxItems, inboxSelected, editor, viewAppealAttachments } = store.getState();
      const appealId = view === 'inbox' ? inboxItems[inboxSelected]?.appealId : editor.appealId;
      if (appealId) void viewAppealAttachments(appealId);
    },
  },
  {
    id: 'place.search',
    label: 'map:commands.findPlace',
    keys: 'Alt+F',
    roles: CARD_WRITERS,
    run: inCards(() => focusWhenShown(PLACE_SEARCH_ID)),
  },
  {
    id: 'map.focus',
    label: 'map:commands.focusMap',
    keys: 'Alt+M',
    roles: CARD_WRITERS,
    run: inCards(() => focusWhenShown(INCIDENT_MAP_ID)),
  },
  {
    id: 'cards.attachPhoto',
    label: 'cards:commands.attachPhoto',
    keys: 'Alt+P',
    roles: CARD_WRITERS,
    run: inCards(() => whenShown(PHOTO_INPUT_ID, openPhotoChooser)),
  },
  // Calls work from any section: the call dock is beside every one of them.
  {
    id: 'calls.accept',
    label: 'calls:commands.accept',
    keys: ACCEPT_CALL_KEYS,
    roles: CALL_TAKERS,
    run: ({ store }) => void store.getState().acceptCall(),
  },
  {
    id: 'calls.hangUp',
    label: 'calls:commands.hangUp',
    keys: HANG_UP_KEYS,
    roles: CALL_TAKERS,
    run: ({ store }) => store.getState().hangUp(),
  },
  {
    id: 'calls.mute',
    label: 'calls:commands.mute',
    keys: MUTE_KEYS,
    roles: CALL_TAKERS,
    run: ({ store }) => store.getState().toggleMute(),
  },
  {
    id: 'calls.hold',
    label: 'calls:commands.hold',
    keys: HOLD_KEYS,
    roles: CALL_TAKERS,
    run: ({ store }) => store.getState().toggleHold(),
  },
  {
    // §13: the units near the open card, nearest first; Enter or Space chooses one.
    id: 'units.focus',
    label: 'units:commands.focus',
    keys: 'Alt+B',
    roles: DISPATCHERS,
    run: inCards(() => focusWhenShown(UNITS_PANEL_ID)),
  },
  {
    id: 'units.dispatch',
    label: 'units:commands.dispatch',
    keys: 'Alt+Shift+B',
    roles: DISPATCHERS,
    run: inCards(({ store }) => {
      const { editor, dispatchChosen } = store.getState();
      if (editor.id) void dispatchChosen(editor.id);
    }),
  },
  {
    // §13: the status the crew radios in, for the unit under the cursor of the units list (the same button).
    id: 'units.setStatus',
    label: 'units:commands.setStatus',
    keys: 'Alt+Shift+U',
    roles: UNIT_COMMANDERS,
    run: inCards(() => whenShown(UNIT_STATUS_BUTTON_ID, (button) => button.click())),
  },
  {
    id: 'sync.now',
    label: 'sync:commands.syncNow',
    keys: 'Alt+Y',
    roles: ROLE_PERMISSIONS['sync.push'],
    when: (state) => (state.appInfo?.centralUrl ? null : { key: 'shell:refusals.noCentral' }),
    run: ({ store }) => void store.getState().syncNow(),
  },
  // The board (issue 14): each acts on the selected card's control, so the key and the click take one path.
  ...boardCommand('board.take', 'take', 'Alt+X', ['inspector', 'duty'], (el) => el.click()),
  ...boardCommand('board.forward', 'forward', 'Alt+Z', ['inspector'], (el) => el.click()),
  ...boardCommand('board.register', 'register', 'Alt+Shift+K', ['duty'], (el) => el.focus()),
  ...boardCommand('board.close', 'close', 'Alt+Shift+C', ['inspector', 'duty', 'supervisor'], (el) =>
    el.focus(),
  ),
  ...boardCommand('board.identify', 'identify', 'Alt+Shift+I', ['inspector'], (el) => el.click()),
  ...boardCommand('board.check', 'check', 'Alt+Shift+P', ['duty'], (el) => el.focus()),
  {
    id: 'language.next',
    label: 'common:language.label',
    keys: 'Alt+L',
    beforeSignIn: true,
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
    beforeSignIn: true,
    run: ({ store }) => {
      const { theme, setTheme } = store.getState();
      setTheme(theme === 'dark' ? 'light' : 'dark');
    },
  },
];
