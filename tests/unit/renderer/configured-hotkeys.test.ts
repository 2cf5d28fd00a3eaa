import { describe, expect, it } from 'vitest';
import { type IgnoredHotkey, withConfiguredKeys } from '../../../renderer/commands/configuredKeys';
import { COMMANDS } from '../../../renderer/commands/registry';

const keysOf = (commands: readonly { id: string; keys: string }[], id: string) =>
  commands.find((c) => c.id === id)?.keys;

interface Case {
  name: string;
  configured: Record<string, string>;
  /** Command id → the keys it answers to afterwards. */
  inForce: Record<string, string>;
  ignored?: IgnoredHotkey[];
}

const CASES: Case[] = [
  {
    name: 'a free key replaces the default, in one spelling',
    configured: { 'sync.now': 'F9', 'cards.new': 'Shift+Alt+e' },
    inForce: { 'sync.now': 'F9', 'cards.new': 'Alt+Shift+E', 'cards.save': 'Ctrl+S' },
  },
  {
    name: 'two commands may swap their keys',
    configured: { 'cards.new': 'Alt+D', 'cards.focusDescription': 'Alt+N' },
    inForce: { 'cards.new': 'Alt+D', 'cards.focusDescription': 'Alt+N' },
  },
  {
    name: 'an unknown command is ignored',
    configured: { 'cards.fly': 'Alt+E' },
    inForce: {},
    ignored: [{ command: 'cards.fly', keys: 'Alt+E', reason: 'unknownCommand' }],
  },
  {
    name: 'keys that are no key combination are ignored, the default stays',
    configured: { 'sync.now': 'Alt+Banana', 'cards.new': 'Meta+N' },
    inForce: { 'sync.now': 'Alt+Y', 'cards.new': 'Alt+N' },
    ignored: [
      { command: 'cards.new', keys: 'Meta+N', reason: 'badKeys' },
      { command: 'sync.now', keys: 'Alt+Banana', reason: 'badKeys' },
    ],
  },
  {
    name: 'reserved keys (help, editing, Windows, typing) are ignored, and help stays on F1',
    configured: { 'cards.save': 'Ctrl+C', 'sync.now': 'Alt+F4', 'cards.new': 'N', help: 'F2' },
    inForce: { 'cards.save': 'Ctrl+S', 'sync.now': 'Alt+Y', 'cards.new': 'Alt+N', help: 'F1' },
    ignored: [
      { command: 'cards.new', keys: 'N', reason: 'reserved' },
      { command: 'cards.save', keys: 'Ctrl+C', reason: 'reserved' },
      { command: 'help', keys: 'F2', reason: 'reserved' },
      { command: 'sync.now', keys: 'Alt+F4', reason: 'reserved' },
    ],
  },
  {
    name: 'a key another command answers to is a duplicate: ignored, both keep their keys',
    configured: { 'sync.now': 'Alt+N' },
    inForce: { 'sync.now': 'Alt+Y', 'cards.new': 'Alt+N' },
    ignored: [{ command: 'sync.now', keys: 'Alt+N', reason: 'duplicate' }],
  },
  {
    name: 'two configured commands on one key are both ignored',
    configured: { 'sync.now': 'F9', 'theme.toggle': 'F9' },
    inForce: { 'sync.now': 'Alt+Y', 'theme.toggle': 'Alt+T' },
    ignored: [
      { command: 'sync.now', keys: 'F9', reason: 'duplicate' },
      { command: 'theme.toggle', keys: 'F9', reason: 'duplicate' },
    ],
  },
  {
    name: 'a dropped duplicate gives back a default that another configured key took',
    configured: { 'sync.now': 'Alt+N', 'cards.new': 'Alt+Y', 'theme.toggle': 'Alt+Y' },
    inForce: { 'sync.now': 'Alt+Y', 'cards.new': 'Alt+N', 'theme.toggle': 'Alt+T' },
    ignored: [
      { command: 'cards.new', keys: 'Alt+Y', reason: 'duplicate' },
      { command: 'theme.toggle', keys: 'Alt+Y', reason: 'duplicate' },
      { command: 'sync.now', keys: 'Alt+N', reason: 'duplicate' },
    ],
  },
];

describe('hotkeys IT configured (settings `hotkeys`, Group Policy): validated against the command registry', () => {
  it.each(CASES)('$name', (c) => {
    const { commands, ignored } = withConfiguredKeys(COMMANDS, c.configured);
    for (const [id, keys] of Object.entries(c.inForce)) expect(keysOf(commands, id)).toBe(keys);
    expect(ignored).toEqual(c.ignored ?? []);
    const keys = commands.map((command) => command.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves the registry as it is when nothing is configured', () => {
    expect(withConfiguredKeys(COMMANDS, undefined)).toEqual({ commands: [...COMMANDS], ignored: [] });
  });
});
