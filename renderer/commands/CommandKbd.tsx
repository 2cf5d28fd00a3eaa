import { createContext, useContext } from 'react';

/**
 * The keys of every command after IT's configuration (command id → keys), provided by the frame. A leaf
 * module: features show a command's keys through it without importing the registry, which imports them.
 */
export const KeysInForceContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The shortcut a button shows for its command: IT's key when one is configured, the default otherwise. */
export function CommandKbd({ command }: { command: string }) {
  const keys = useContext(KeysInForceContext).get(command);
  return keys ? <kbd>{keys}</kbd> : null;
}
