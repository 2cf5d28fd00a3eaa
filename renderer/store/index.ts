import { createContext, useContext } from 'react';
import { type StoreApi, createStore, useStore } from 'zustand';
import type { ConsoleBridge } from '../../domain/contract/ipc';
import { type AboutSlice, createAboutSlice } from '../features/about/slice';
import { type AdminSlice, createAdminSlice } from '../features/admin/slice';
import { type CardPhotosSlice, createCardPhotosSlice } from '../features/photos/photosSlice';
import { type CallsSlice, createCallsSlice } from '../features/calls';
import { type RecordingsSlice, createRecordingsSlice } from '../features/recordings/recordingsSlice';
import { type ChatSlice, createChatSlice } from '../features/chat/chatSlice';
import { type CardsSlice, createCardsSlice } from '../features/cards/slice';
import { type InboxSlice, createInboxSlice } from '../features/inbox/slice';
import { type CentreSlice, createCentreSlice } from '../features/centre/slice';
import { type ReadinessSlice, createReadinessSlice } from '../features/workstation/slice';
import { type ReferenceSlice, createReferenceSlice } from '../features/reference/slice';
import { type SignInSlice, createSignInSlice } from '../features/session/slice';
import { type SyncSlice, createSyncSlice } from '../features/sync/slice';
import { type BoardSlice, createBoardSlice } from '../features/board/slice';
import { type ShellSlice, createShellSlice } from '../shell/slice';
import { type UnitsSlice, createUnitsSlice } from '../features/units/slice';
import { type AttachmentsSlice, createAttachmentsSlice } from '../features/attachments/attachmentsSlice';

/** One store built from feature slices; a feature adds its slice here. */
export type ConsoleState = ShellSlice &
  CardsSlice &
  CardPhotosSlice &
  ChatSlice &
  ReadinessSlice &
  SyncSlice &
  SignInSlice &
  ReferenceSlice &
  AboutSlice &
  InboxSlice &
  CentreSlice &
  CallsSlice &
  BoardSlice &
  RecordingsSlice &
  AdminSlice &
  UnitsSlice &
  AttachmentsSlice;

/**
 * The slices' fields side by side in one state. A name two slices both define would silently lose one of them
 * (a later spread wins), so it stops the console instead: the units slice's `loadUnits` once hid the admin's.
 */
export function joinSlices<State>(slices: object[]): State {
  const joined: Record<string, unknown> = {};
  for (const slice of slices) {
    for (const [name, value] of Object.entries(slice)) {
      if (name in joined) throw new Error(`two slices of the console's store both define "${name}"`);
      joined[name] = value;
    }
  }
  return joined as State;
}

export function createConsoleStore(bridge: ConsoleBridge): StoreApi<ConsoleState> {
  return createStore<ConsoleState>()((...args) =>
    joinSlices<ConsoleState>([
      createShellSlice(bridge)(...args),
      createCardsSlice(bridge)(...args),
      createCardPhotosSlice(bridge)(...args),
      createChatSlice(bridge)(...args),
      createReadinessSlice(bridge)(...args),
      createSyncSlice(bridge)(...args),
      createSignInSlice(bridge)(...args),
      createReferenceSlice(bridge)(...args),
      createAboutSlice(bridge)(...args),
      createInboxSlice(bridge)(...args),
      createCentreSlice(bridge)(...args),
      createCallsSlice(bridge)(...args),
      createBoardSlice(bridge)(...args),
      createRecordingsSlice(bridge)(...args),
      createAdminSlice(bridge)(...args),
      createUnitsSlice(bridge)(...args),
      createAttachmentsSlice(bridge)(...args),
    ]),
  );
}

export const ConsoleStoreContext = createContext<StoreApi<ConsoleState> | null>(null);

export function useConsole<T>(selector: (state: ConsoleState) => T): T {
  return useStore(useConsoleStore(), selector);
}

/** The store itself, for what follows it outside React's render (the map's markers move without a render). */
export function useConsoleStore(): StoreApi<ConsoleState> {
  const store = useContext(ConsoleStoreContext);
  if (!store) throw new Error('useConsole is used outside ConsoleStoreContext');
  return store;
}
