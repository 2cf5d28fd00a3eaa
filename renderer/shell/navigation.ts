import type { ComponentType } from 'react';
import type { Role } from '../../domain/session/roles';
import { AboutView } from '../features/about';
import { AdminView } from '../features/admin';
import { CardsView } from '../features/cards';
import { CentreView } from '../features/centre';
import { InboxView } from '../features/inbox';
import { BoardView } from '../features/board';
import { FleetView, ReadinessView } from '../features/workstation';
import { type SectionInfo, sectionInfoFor } from './sections';

/** A section with its screen; a feature adds its section to sections.ts and its view here. */
export interface Section extends SectionInfo {
  View: ComponentType;
}

const VIEWS: Record<SectionInfo['id'], ComponentType> = {
  cards: CardsView,
  inbox: InboxView,
  centre: CentreView,
  board: BoardView,
  readiness: ReadinessView,
  workstations: FleetView,
  admin: AdminView,
  about: AboutView,
};

export const sectionsFor = (role: Role): Section[] =>
  sectionInfoFor(role).map((info) => ({ ...info, View: VIEWS[info.id] }));
