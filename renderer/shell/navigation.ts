import type { ComponentType } from 'react';
import { ROLES, type Role } from '../../domain/roles';
import { CardsView } from '../features/cards';
import { FleetView, ReadinessView } from '../features/readiness';

/** The sections of the console and who sees them; a feature adds its section here, operator's first. */
export interface Section {
  id: string;
  /** Key in the common namespace. */
  label: string;
  roles: readonly Role[];
  View: ComponentType;
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'cards',
    label: 'nav.cards',
    roles: ['operator', 'inspector', 'duty', 'supervisor'],
    View: CardsView,
  },
  /** §27 readiness is every workstation's business, whoever sits at it. */
  { id: 'readiness', label: 'readiness:nav', roles: ROLES, View: ReadinessView },
  /** §28: the digitalisation unit sees every workstation's last readiness report. */
  { id: 'workstations', label: 'readiness:fleet.nav', roles: ['admin'], View: FleetView },
];

export const sectionsFor = (role: Role): Section[] => SECTIONS.filter((s) => s.roles.includes(role));
