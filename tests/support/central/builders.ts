import { v7 as uuidv7 } from 'uuid';
import type { AppealIntake } from '../../../domain/appeals/appeal';
import type { CardFields } from '../../../domain/cards/card';
import type { RecordingMeta } from '../../../domain/files/recording';
import type { SyncOperation } from '../../../domain/sync/sync';
import type { TransitionInput } from '../../../domain/cards/workflow';

/** Points inside the demo territories. */
export const PLACES = {
  almatyCentre: { lat: 43.2567, lon: 76.9286 },
  medeu: { lat: 43.2382, lon: 76.9568 },
  astana: { lat: 51.1601, lon: 71.47 },
  caspianSea: { lat: 42.5, lon: 50.0 },
} as const;

type AppealOptions = { kind?: 'text' | 'sos' | 'callRequest'; anonymous?: boolean } & Record<string, unknown>;

/** A citizen's appeal: a text report from the 102 app in Almaty, with an applicant unless anonymous. */
export function anAppeal(options: AppealOptions = {}): AppealIntake & Record<string, unknown> {
  const { kind = 'text', anonymous = false, ...rest } = options;
  const common = {
    channel: kind === 'sos' ? 'sos' : 'app102',
    language: 'ru',
    location: PLACES.almatyCentre,
    anonymous,
    ...(anonymous ? {} : { applicant: { name: 'Айгерим Сапарова', phone: '+7 701 555 0101' } }),
  };
  const byKind =
    kind === 'text'
      ? { kind, category: 'otherOffence', text: 'Шум и драка во дворе' }
      : kind === 'sos'
        ? { kind }
        : { kind, media: 'video' };
  return { ...common, ...byKind, ...rest } as AppealIntake & Record<string, unknown>;
}

/** Card fields an operator has filled in completely (§9 step 5). */
export function aFilledCard(overrides: Partial<CardFields> = {}): Partial<CardFields> {
  return {
    description: 'Двое мужчин дерутся у подъезда',
    category: 'otherOffence',
    location: { ...PLACES.almatyCentre, source: 'map' },
    addressText: 'ул. Абая, 10',
    peopleCount: 2,
    ...overrides,
  };
}

const now = () => new Date().toISOString();

export function aCardCreate(fields: Partial<CardFields> = aFilledCard(), cardId = uuidv7()): SyncOperation {
  return { id: uuidv7(), type: 'card.create', cardId, createdAt: now(), payload: { fields } };
}

export function aCardUpdate(
  cardId: string,
  fields: Partial<CardFields>,
  baseVersion?: number,
): SyncOperation {
  return {
    id: uuidv7(),
    type: 'card.update',
    cardId,
    createdAt: now(),
    payload: baseVersion === undefined ? { fields } : { fields, baseVersion },
  };
}

export function aTransition(
  cardId: string,
  transition: TransitionInput['transition'],
  extra: Omit<TransitionInput, 'transition'> = {},
): SyncOperation {
  return {
    id: uuidv7(),
    type: 'card.transition',
    cardId,
    createdAt: now(),
    payload: { transition, ...extra },
  };
}

/** The metadata of a 90-second call recording of the card (no personal data). */
export function aRecordingMeta(cardId: string, overrides: Partial<RecordingMeta> = {}): SyncOperation {
  return {
    id: uuidv7(),
    type: 'recording.meta',
    cardId,
    createdAt: now(),
    payload: {
      fileId: uuidv7(),
      kind: 'call',
      startedAt: now(),
      durationMs: 90_000,
      mimeType: 'video/webm;codecs=vp8,opus',
      size: 1_234_567,
      sha256: 'ab'.repeat(32),
      ...overrides,
    },
  };
}

export function aChatLine(cardId: string, appealId: string, text: string): SyncOperation {
  return { id: uuidv7(), type: 'chat.message', cardId, createdAt: now(), payload: { appealId, text } };
}

/** §13: the inspector sends units to the card. */
export function aDispatch(cardId: string, unitIds: string[]): SyncOperation {
  return { id: uuidv7(), type: 'units.dispatch', cardId, createdAt: new Date().toISOString(), payload: { unitIds } };
}
