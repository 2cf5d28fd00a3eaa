import type { Role } from '../../domain/session/roles';
import type { Keys } from './keys';

/** Why a hotkey IT configured (config `hotkeys`, Group Policy's Hotkeys key) is not used. */
export type HotkeyProblem = 'unknownCommand' | 'badKeys' | 'reserved' | 'duplicate';

export interface IgnoredHotkey {
  command: string;
  keys: string;
  reason: HotkeyProblem;
}

/** What the resolution reads of a command. */
interface Keyed {
  id: string;
  keys: Keys;
  roles?: readonly Role[];
}

const MODIFIERS = ['Ctrl', 'Alt', 'Shift'] as const;
const NAMED_KEYS = new Set([
  'Enter',
  'Escape',
  'Tab',
  'Space',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
]);

/**
 * Keys no configuration may take: F1 is the help every operator is taught, Esc closes, Tab and Enter move
 * and confirm, the clipboard and undo keys edit text, and the rest belong to Windows or the window itself.
 */
const RESERVED = new Set([
  'F1',
  'Escape',
  'Tab',
  'Shift+Tab',
  'Enter',
  'Shift+Enter',
  'Space',
  'Ctrl+A',
  'Ctrl+C',
  'Ctrl+V',
  'Ctrl+X',
  'Ctrl+Z',
  'Ctrl+Y',
  'Ctrl+Shift+Z',
  'Ctrl+W',
  'Ctrl+R',
  'Ctrl+Shift+R',
  'Ctrl+Tab',
  'Ctrl+Shift+Tab',
  'Ctrl+Shift+I',
  'Alt+Tab',
  'Alt+F4',
  'F5',
  'Ctrl+F5',
  'F11',
  'F12',
]);

/** Keys in one spelling (modifiers in the order Ctrl, Alt, Shift; a letter in capitals), or null if not keys. */
export function normalizeKeys(keys: string): Keys | null {
  const parts = keys.split('+').map((part) => part.trim());
  const key = parts.pop() ?? '';
  if (parts.some((part) => !(MODIFIERS as readonly string[]).includes(part))) return null;
  if (new Set(parts).size !== parts.length) return null;
  const named = /^[a-z0-9]$/i.test(key)
    ? key.toUpperCase()
    : /^F([1-9]|1[0-2])$/.test(key) || NAMED_KEYS.has(key)
      ? key
      : null;
  if (named === null) return null;
  return [...MODIFIERS.filter((modifier) => parts.includes(modifier)), named].join('+');
}

/** A letter, a digit or a named key pressed alone, or with Shift only, is typing, not a command. */
const isTyping = (keys: Keys) =>
  !keys.startsWith('Ctrl+') && !keys.startsWith('Alt+') && !/(^|\+)F([1-9]|1[0-2])$/.test(keys);

/** Two commands can meet on one key only if one role has both. */
const shareARole = (a: Keyed, b: Keyed) =>
  !a.roles || !b.roles || a.roles.some((role) => b.roles?.includes(role));

/**
 * The commands with the keys IT configured in place of their defaults. An entry naming no command, keys that
 * are not keys, a reserved or typing key, or a key another command of the same role already answers to is
 * ignored with the reason; the command keeps its default key then. Two commands may swap their keys.
 */
export function withConfiguredKeys<C extends Keyed>(
  commands: readonly C[],
  configured: Readonly<Record<string, string>> | undefined,
): { commands: C[]; ignored: IgnoredHotkey[] } {
  const ignored: IgnoredHotkey[] = [];
  const overrides = new Map<string, Keys>();
  for (const [command, keys] of Object.entries(configured ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const normalized = normalizeKeys(keys);
    const reason: HotkeyProblem | null = !commands.some((c) => c.id === command)
      ? 'unknownCommand'
      : normalized === null
        ? 'badKeys'
        : RESERVED.has(normalized) || isTyping(normalized) || command === 'help'
          ? 'reserved'
          : null;
    if (reason) ignored.push({ command, keys, reason });
    else if (normalized) overrides.set(command, normalized);
  }
  // Dropping an override gives its command back its default key, which may meet another: repeat until none do.
  for (;;) {
    const inForce = commands.map((c) => ({ ...c, keys: overrides.get(c.id) ?? c.keys }));
    const spelled = (c: Keyed) => normalizeKeys(c.keys) ?? c.keys;
    const clashing = inForce.filter(
      (c) =>
        overrides.has(c.id) &&
        inForce.some((other) => other.id !== c.id && spelled(other) === spelled(c) && shareARole(c, other)),
    );
    if (clashing.length === 0) return { commands: inForce, ignored };
    for (const c of clashing) {
      ignored.push({ command: c.id, keys: configured?.[c.id] ?? c.keys, reason: 'duplicate' });
      overrides.delete(c.id);
    }
  }
}
