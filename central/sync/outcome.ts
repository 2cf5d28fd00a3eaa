import type { Card } from '../../domain/cards/card';
import type { CountryCheck } from '../../domain/places/country';
import type { Refusal } from '../../domain/contract/refusal';
import type { AppealRepository } from '../appeals/appealRepository';
import type { CardRepository } from '../cards/cardRepository';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import type { CentralEvent } from '../bus/events';
import type { RecordingRepository } from '../recordings/recordingRepository';
import type { TerritoryService } from '../territories/territoryService';

/**
 * What applying one operation did: its feed position and the events to publish after commit, or its
 * refusal (a code of domain/contract/refusal.ts for the screens, an English `reason` for developers' logs).
 */
export type Outcome =
  | { ok: true; seq: number; card: Card | null; events: CentralEvent[] }
  | { ok: false; refusal: Refusal; reason: string };

export const refused = (r: Refusal, reason: string): Outcome => ({ ok: false, refusal: r, reason });

export interface OperationDeps {
  cards: CardRepository;
  appeals: AppealRepository;
  departments: DepartmentDirectory;
  territories: TerritoryService;
  recordings: RecordingRepository;
  /** Whether a place lies in Kazakhstan, over the outline central loads once at start. */
  inCountry: CountryCheck;
}
