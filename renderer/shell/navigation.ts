import type { ComponentType } from 'react';
import type { Role } from '../../domain/roles';
import { CardsView } from '../features/cards';

/** The sections of the console and who sees them; a feature adds its section here, operator's first. */
export interface Section {
  id: string;
  /** Key in the common namespace. */
  label: string;
  roles: readonly Role[];
  View: ComponentType;
}

export const SECTIONS: readonly Section[] = [
  { id: 'cards', label: 'nav.cards', roles: ['operator', 'inspector', 'duty', 'supervisor'], View: CardsView },
];

export const sectionsFor = (role: Role): Section[] => SECTIONS.filter((s) => s.roles.includes(role));
