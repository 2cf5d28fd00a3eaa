/** A shortcut written as people read it: "F1", "Alt+N", "Ctrl+S". */
export type Keys = string;

export function matchesKeys(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  keys: Keys,
): boolean {
  const parts = keys.split('+');
  const key = parts.at(-1) ?? '';
  const wants = new Set(parts.slice(0, -1));
  if (event.altKey !== wants.has('Alt')) return false;
  if ((event.ctrlKey || event.metaKey) !== wants.has('Ctrl')) return false;
  if (event.shiftKey !== wants.has('Shift')) return false;
  // Letters by physical key, so Alt+N works on a Kazakh or Russian keyboard layout too.
  if (/^[A-Z]$/.test(key)) return event.code === `Key${key}`;
  // Digits by physical key too: with Shift or on AZERTY-like layouts the character differs.
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}`;
  return event.key === key;
}
