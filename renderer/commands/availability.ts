import type { Role } from '../../domain/session/roles';
import type { ConsoleState } from '../store';
import { type IgnoredHotkey, withConfiguredKeys } from './configuredKeys';
import { COMMANDS, type Command, type CommandRefusal, type CommandState } from './registry';

let resolved: {
  configured: Record<string, string> | undefined;
  commands: Command[];
  ignored: IgnoredHotkey[];
} | null = null;

/** The commands with the keys in force: the defaults, or those IT configured (`hotkeys`) where they are valid. */
function resolve(state: Pick<ConsoleState, 'appInfo'>) {
  const configured = state.appInfo?.hotkeys;
  if (resolved?.configured !== configured || !resolved)
    resolved = { configured, ...withConfiguredKeys(COMMANDS, configured) };
  return resolved;
}

export const commandsInForce = (state: Pick<ConsoleState, 'appInfo'>): Command[] => resolve(state).commands;

/** The hotkeys IT configured that are not used, and why (logged once, listed in About). */
export const ignoredHotkeys = (state: Pick<ConsoleState, 'appInfo'>): IgnoredHotkey[] =>
  resolve(state).ignored;

/** The commands a role has, in registry order: what F1 lists for the signed-in account. */
export const commandsForRole = (role: Role, commands: readonly Command[] = COMMANDS): Command[] =>
  commands.filter((command) => !command.roles || command.roles.includes(role));

/** What F1 lists now: the role's commands, only those of the sign-in screen while nobody is signed in. */
export function helpCommands(state: Pick<ConsoleState, 'appInfo' | 'session'>): Command[] {
  const role = activeRole(state);
  if (!role) return [];
  const signedOut = Boolean(state.appInfo?.centralUrl) && !state.session;
  return commandsForRole(role, commandsInForce(state)).filter((command) => !signedOut || command.beforeSignIn);
}

/** The role the screens are for: the signed-in account's, as main reports it in app.info. */
export const activeRole = (state: Pick<ConsoleState, 'appInfo'>): Role | null => state.appInfo?.role ?? null;

/**
 * Whether a command may run now, and if not, why — the same answer in every section. A refusal is shown
 * to the operator (a key press never fails silently).
 */
export function refusalOf(command: Command, state: CommandState): CommandRefusal | null {
  const role = activeRole(state);
  if (!role) return { key: 'shell:refusals.starting' };
  const signedOut = Boolean(state.appInfo?.centralUrl) && !state.session;
  if (signedOut && !command.beforeSignIn) return { key: 'shell:refusals.signInFirst' };
  if (command.roles && !command.roles.includes(role))
    return { key: 'shell:refusals.notForRole', params: { role } };
  return command.when?.(state) ?? null;
}
