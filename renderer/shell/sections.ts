import { ROLES, type Role } from '../../domain/session/roles';
import type { Keys } from '../commands/keys';

/** A section of the console: who sees it and its hotkey; the views are wired in navigation.ts. */
export interface SectionInfo {
  id: 'cards' | 'inbox' | 'board' | 'centre' | 'readiness' | 'workstations' | 'admin' | 'about';
  /** Key with its namespace. */
  label: string;
  /** Fixed per section, not per position, so a key means the same section for every role. */
  keys: Keys;
  roles: readonly Role[];
}

/** Operator's first: where a role lands is its first section here. */
export const SECTION_INFO: readonly SectionInfo[] = [
  {
    id: 'cards',
    label: 'common:nav.cards',
    keys: 'Alt+1',
    roles: ['operator', 'inspector', 'duty', 'supervisor'],
  },
  /** The operator's desk (issue 12): everything waiting, from every channel. */
  { id: 'inbox', label: 'inbox:nav', keys: 'Alt+4', roles: ['operator', 'supervisor'] },
  /** The senior inspector's board (§10, §13), the duty unit's too (§14, §15); the supervisor follows it (§16). */
  { id: 'board', label: 'board:nav', keys: 'Alt+5', roles: ['inspector', 'duty', 'supervisor'] },
  /** §16: the head of the centre or shift watches the centre's work live. */
  { id: 'centre', label: 'centre:nav', keys: 'Alt+6', roles: ['supervisor'] },
  /** §27 readiness is every workstation's business, whoever sits at it. */
  { id: 'readiness', label: 'readiness:nav', keys: 'Alt+2', roles: ROLES },
  /** §28: the digitalisation unit sees every workstation's last readiness report. */
  { id: 'workstations', label: 'readiness:fleet.nav', keys: 'Alt+3', roles: ['admin'] },
  /** §28, issue 15 item 5: the digitalisation unit's desk — accounts, territories, directories, workstations. */
  { id: 'admin', label: 'admin:nav', keys: 'Alt+7', roles: ['admin'] },
  /** Issue 15: version, data folder, the settings in force and the diagnostics bundle, for IT at any workstation. */
  { id: 'about', label: 'about:nav', keys: 'Alt+0', roles: ROLES },
];

export const sectionInfoFor = (role: Role): SectionInfo[] =>
  SECTION_INFO.filter((s) => s.roles.includes(role));
