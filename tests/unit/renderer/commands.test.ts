import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../domain/contract/ipc';
import { ROLES, type Role } from '../../../domain/session/roles';
import type { Session } from '../../../domain/session/session';
import { commandsForRole, helpCommands, refusalOf } from '../../../renderer/commands/availability';
import { COMMANDS, type CommandState } from '../../../renderer/commands/registry';
import { NAMESPACES } from '../../../renderer/i18n';
import { LANGUAGES } from '../../../renderer/i18n/translations';
import { SECTION_INFO } from '../../../renderer/shell/sections';

const anAppInfo = (overrides: Partial<AppInfo> = {}): AppInfo => ({
  version: '0.0.0-test',
  runtime: 'host',
  role: 'operator',
  dataDir: '/tmp/console',
  logDir: '/tmp/console/logs',
  centralUrl: null,
  tileUrl: null,
  ...overrides,
});
const aSession = (role: Role): Session => ({
  login: `${role}.test`,
  displayName: 'Test',
  role,
  departmentId: null,
  mode: 'online',
});
/** A role at work in a section: signed in when there is a central system. */
const atWork = (
  role: Role,
  view: string,
  centralUrl: string | null = 'http://127.0.0.1:1',
): CommandState => ({
  appInfo: anAppInfo({ role, centralUrl }),
  session: centralUrl ? aSession(role) : null,
  view,
});
const ids = (role: Role) => commandsForRole(role).map((c) => c.id);
const command = (id: string) => {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
};

describe('the commands of each role (F1 lists only these)', () => {
  it("gives the 102 operator the cards' commands and the hotkeys of the operator's sections, not the fleet", () => {
    expect(ids('operator')).toEqual(
      expect.arrayContaining([
        'help',
        'section.cards',
        'section.readiness',
        'cards.new',
        'cards.save',
        'map.focus',
      ]),
    );
    expect(ids('operator')).not.toContain('section.workstations');
  });

  it('gives the digitalisation unit its sections and no card commands (§28)', () => {
    expect(ids('admin')).toEqual([
      'help',
      'section.readiness',
      'section.workstations',
      'section.admin',
      'section.about',
      'language.next',
      'theme.toggle',
    ]);
  });

  it('gives a role that may read but not write cards no command that writes one', () => {
    expect(ids('head')).not.toContain('cards.new');
    expect(ids('head')).not.toContain('cards.save');
  });

  it('has a hotkey for every section, each listed for exactly the roles that see the section', () => {
    for (const role of ROLES)
      expect(ids(role).filter((id) => id.startsWith('section.'))).toEqual(
        SECTION_INFO.filter((s) => s.roles.includes(role)).map((s) => `section.${s.id}`),
      );
  });

  it('lists only the sign-in screen commands while nobody is signed in', () => {
    const signedOut = { appInfo: anAppInfo({ centralUrl: 'http://127.0.0.1:1' }), session: null };
    expect(helpCommands(signedOut).map((c) => c.id)).toEqual(['help', 'language.next', 'theme.toggle']);
  });
});

describe('a command in any section', () => {
  it('runs for its role whichever section is on screen (Alt+N from the readiness check)', () => {
    for (const view of ['cards', 'readiness', 'workstations'])
      for (const id of [
        'cards.new',
        'cards.save',
        'cards.focusDescription',
        'place.search',
        'map.focus',
        'sync.now',
      ])
        expect(refusalOf(command(id), atWork('operator', view))).toBeNull();
  });

  it("says it is not the role's when another role presses it", () => {
    expect(refusalOf(command('cards.new'), atWork('admin', 'readiness'))).toEqual({
      key: 'shell:refusals.notForRole',
      params: { role: 'admin' },
    });
    expect(refusalOf(command('section.workstations'), atWork('operator', 'cards'))?.key).toBe(
      'shell:refusals.notForRole',
    );
  });

  it('says to sign in first, and what is missing without a central system', () => {
    const signedOut: CommandState = { ...atWork('operator', 'cards'), session: null };
    expect(refusalOf(command('cards.new'), signedOut)?.key).toBe('shell:refusals.signInFirst');
    expect(refusalOf(command('help'), signedOut)).toBeNull();
    expect(refusalOf(command('sync.now'), atWork('operator', 'cards', null))?.key).toBe(
      'shell:refusals.noCentral',
    );
  });

  it('has every refusal written in Kazakh, Russian and English', () => {
    const keys = Object.keys(NAMESPACES.shell.en.refusals);
    for (const language of LANGUAGES) {
      const texts = Object.entries(NAMESPACES.shell[language].refusals);
      expect(texts.map(([key]) => key)).toEqual(keys);
      for (const [, text] of texts) expect(text).toMatch(/\S/);
    }
  });
});
