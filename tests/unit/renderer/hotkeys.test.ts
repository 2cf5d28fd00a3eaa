import { describe, expect, it } from 'vitest';
import { matchesKeys } from '../../../renderer/commands/keys';
import { COMMANDS } from '../../../renderer/commands/registry';

const press = (key: string, code: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean } = {}) => ({
  key,
  code,
  altKey: mods.alt ?? false,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
});

describe('keyboard shortcuts', () => {
  it('match by physical key, so they work on a Kazakh or Russian layout', () => {
    expect(matchesKeys(press('т', 'KeyN', { alt: true }), 'Alt+N')).toBe(true);
    expect(matchesKeys(press('ы', 'KeyS', { ctrl: true }), 'Ctrl+S')).toBe(true);
  });

  it('require exactly the modifiers named', () => {
    expect(matchesKeys(press('n', 'KeyN'), 'Alt+N')).toBe(false);
    expect(matchesKeys(press('s', 'KeyS', { ctrl: true, shift: true }), 'Ctrl+S')).toBe(false);
    expect(matchesKeys(press('F1', 'F1'), 'F1')).toBe(true);
  });

  it('are unique across the command registry', () => {
    const keys = COMMANDS.map((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
