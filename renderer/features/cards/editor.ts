import {
  ApplicantSchema,
  type Applicant,
  type Card,
  type CardDetails,
  type CardDraftInput,
  type CardLanguage,
  type CardStatus,
  type Channel,
  type Vehicle,
} from '../../../domain/cards/card';
import type { CardCategory } from '../../../domain/cards/category';
import { type IinProblem, checkIin } from '../../../domain/cards/iin';
import { type CardSubcategory, subcategoryFits } from '../../../domain/cards/subcategory';
import type { CountryCheck } from '../../../domain/places/country';
import type { LatLon, LocationSource } from '../../../domain/places/geo';

/** The card form as the operator is typing it: coordinates stay text until they are valid numbers. */
export interface CardEditor {
  id: string | undefined;
  localNumber: number | undefined;
  /** Central's register number; until it comes, the console's provisional `localNumber` stands in. */
  number: string | null;
  status: CardStatus;
  /** Central's; a console's new card is urgent (§13) until someone says otherwise. */
  urgent: boolean;
  description: string;
  category: CardCategory | null;
  lat: string;
  lon: string;
  locationSource: LocationSource;
  /** The place a pick or typing replaced, kept on screen so the earlier place (the caller's) is never lost silently. */
  replacedPlace: { lat: string; lon: string; source: LocationSource } | null;
  addressText: string;
  anonymous: boolean;
  applicantName: string;
  applicantPhone: string;
  applicantIin: string;
  language: CardLanguage | null;
  subcategory: CardSubcategory | null;
  /** Typed, a number once it reads as one. */
  peopleCount: string;
  peopleFeatures: string;
  vehicleList: Vehicle[];
  vehicles: string;
  buildings: string;
  /** The territory the operator chose over the one found from the place (§8); null: as found. */
  chosenDepartmentId: string | null;
  /** The appeal the card answers and the channel it came through, when it was opened from the inbox. */
  appealId: string | null;
  channel: Channel | null;
}

export type EditorProblem =
  | 'invalidLatitude'
  | 'invalidLongitude'
  | 'bothCoordinates'
  | 'outsideKazakhstan'
  | `iin.${IinProblem}`
  | 'invalidPhone'
  | 'invalidPeopleCount';

const blankDetails = {
  replacedPlace: null,
  addressText: '',
  anonymous: false,
  applicantName: '',
  applicantPhone: '',
  applicantIin: '',
  language: null,
  subcategory: null,
  peopleCount: '',
  peopleFeatures: '',
  vehicleList: [],
  vehicles: '',
  buildings: '',
  chosenDepartmentId: null,
  appealId: null,
  channel: null,
} as const satisfies Partial<CardEditor>;

export const emptyEditor = (): CardEditor => ({
  id: undefined,
  localNumber: undefined,
  number: null,
  status: 'draft',
  urgent: true,
  description: '',
  category: null,
  lat: '',
  lon: '',
  locationSource: 'typed',
  ...blankDetails,
});

/** The card as the form shows it: coordinates typed but not yet valid come back exactly as typed. */
export const editorFromCard = (card: Card): CardEditor => ({
  id: card.id,
  localNumber: card.localNumber,
  number: card.number ?? null,
  status: card.status,
  urgent: card.urgent ?? true,
  description: card.description,
  category: card.category,
  lat: card.typedCoordinates?.lat ?? (card.location ? String(card.location.lat) : ''),
  lon: card.typedCoordinates?.lon ?? (card.location ? String(card.location.lon) : ''),
  locationSource: card.location?.source ?? 'typed',
  replacedPlace: null,
  addressText: card.addressText ?? '',
  anonymous: card.anonymous ?? false,
  applicantName: card.applicant?.name ?? '',
  applicantPhone: card.applicant?.phone ?? '',
  applicantIin: card.applicant?.iin ?? '',
  language: card.language ?? null,
  subcategory: card.subcategory ?? null,
  peopleCount: card.peopleCount === null || card.peopleCount === undefined ? '' : String(card.peopleCount),
  peopleFeatures: card.peopleFeatures ?? '',
  vehicleList: card.vehicleList ?? [],
  vehicles: card.vehicles ?? '',
  buildings: card.buildings ?? '',
  chosenDepartmentId: card.chosenDepartmentId ?? null,
  appealId: card.appealId ?? null,
  channel: card.channel ?? null,
});

/**
 * A new place for the form: when it replaces a place from elsewhere (the caller's device, the map), the earlier
 * one is kept in `replacedPlace` for the form to show and restore.
 */
export function placeEdit(
  editor: CardEditor,
  next: { lat: string; lon: string; locationSource: LocationSource },
): Partial<CardEditor> {
  const hadPlace = editor.lat.trim() !== '' && editor.lon.trim() !== '';
  const replacesOther = hadPlace && editor.locationSource !== next.locationSource;
  return {
    ...next,
    ...(replacesOther
      ? { replacedPlace: { lat: editor.lat, lon: editor.lon, source: editor.locationSource } }
      : {}),
  };
}

/** A plain decimal number, point or comma; not `1e1`, `0x10` or `Infinity`, which `Number()` would take. */
const DECIMAL = /^[+-]?\d+(?:[.,]\d*)?$/;

const parseCoordinate = (text: string, limit: number): number | null | 'invalid' => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!DECIMAL.test(trimmed)) return 'invalid';
  const value = Number(trimmed.replace(',', '.'));
  return Math.abs(value) <= limit ? value : 'invalid';
};

/** The place the form points at while both coordinates read as numbers (for the map and the territory). */
export function editorPoint(editor: CardEditor): LatLon | null {
  const lat = parseCoordinate(editor.lat, 90);
  const lon = parseCoordinate(editor.lon, 180);
  return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : null;
}

/** A new form with nothing typed: there is nothing to keep, so no card is made of it. */
export function editorIsBlank(editor: CardEditor): boolean {
  return (
    editor.id === undefined &&
    editor.description.trim() === '' &&
    editor.category === null &&
    editor.lat.trim() === '' &&
    editor.lon.trim() === '' &&
    editor.addressText.trim() === '' &&
    !editor.anonymous &&
    editor.applicantName.trim() === '' &&
    editor.applicantPhone.trim() === '' &&
    editor.applicantIin.trim() === '' &&
    editor.peopleCount.trim() === '' &&
    editor.peopleFeatures.trim() === '' &&
    editor.vehicleList.length === 0 &&
    editor.vehicles.trim() === '' &&
    editor.buildings.trim() === '' &&
    editor.appealId === null
  );
}

const PHONE = ApplicantSchema.shape.phone.unwrap();
const emptyToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The applicant as far as it is valid, and what is not: an anonymous card has none at all, whatever was typed
 * before the operator marked it anonymous.
 */
function editorApplicant(editor: CardEditor): { applicant: Applicant | null; problems: EditorProblem[] } {
  if (editor.anonymous) return { applicant: null, problems: [] };
  const problems: EditorProblem[] = [];
  const name = editor.applicantName.trim();
  const phone = editor.applicantPhone.trim();
  const iin = editor.applicantIin.trim();
  const iinCheck = iin === '' ? null : checkIin(iin);
  if (iinCheck && !iinCheck.ok) problems.push(`iin.${iinCheck.problem}`);
  const phoneOk = phone === '' || PHONE.safeParse(phone).success;
  if (!phoneOk) problems.push('invalidPhone');
  const applicant: Applicant = {
    ...(name ? { name } : {}),
    ...(phone && phoneOk ? { phone } : {}),
    ...(iinCheck?.ok ? { iin } : {}),
  };
  return { applicant: Object.keys(applicant).length === 0 ? null : applicant, problems };
}

/** The card's fields beyond description, category and place, as the contract takes them. */
function editorDetails(editor: CardEditor): { details: CardDetails; problems: EditorProblem[] } {
  const { applicant, problems } = editorApplicant(editor);
  const count = editor.peopleCount.trim();
  const people = count === '' ? null : /^[0-9]{1,5}$/.test(count) ? Number(count) : 'invalid';
  if (people === 'invalid') problems.push('invalidPeopleCount');
  return {
    details: {
      addressText: emptyToNull(editor.addressText),
      anonymous: editor.anonymous,
      applicant,
      language: editor.language,
      subcategory: subcategoryFits(editor.category, editor.subcategory) ? editor.subcategory : null,
      peopleCount: people === 'invalid' ? null : people,
      peopleFeatures: emptyToNull(editor.peopleFeatures),
      vehicleList: editor.vehicleList.filter((v) => v.plate.trim() || v.colour.trim() || v.make.trim()),
      vehicles: emptyToNull(editor.vehicles),
      buildings: emptyToNull(editor.buildings),
      urgent: editor.urgent,
      chosenDepartmentId: editor.chosenDepartmentId,
      ...(editor.appealId ? { appealId: editor.appealId } : {}),
      ...(editor.channel ? { channel: editor.channel } : {}),
    },
    problems,
  };
}

/**
 * Turns the form into the contract's input, always: what is wrong is named in `problems`, and coordinates that
 * are not a valid place travel as typed (`typedCoordinates`) so the card keeps them while central never gets them.
 * `inKazakhstan` is absent until the country's outline has loaded; the place is then checked on the next save.
 */
export function editorToDraft(
  editor: CardEditor,
  inKazakhstan?: CountryCheck,
): { input: CardDraftInput; problems: EditorProblem[] } {
  const lat = parseCoordinate(editor.lat, 90);
  const lon = parseCoordinate(editor.lon, 180);
  const problems: EditorProblem[] = [];
  if (lat === 'invalid') problems.push('invalidLatitude');
  if (lon === 'invalid') problems.push('invalidLongitude');
  if (problems.length === 0 && (lat === null) !== (lon === null)) problems.push('bothCoordinates');
  if (
    problems.length === 0 &&
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    inKazakhstan?.({ lat, lon }) === false
  )
    problems.push('outsideKazakhstan');
  const details = editorDetails(editor);
  const base = {
    ...(editor.id ? { id: editor.id } : {}),
    description: editor.description,
    category: editor.category,
    ...details.details,
  };
  if (problems.length > 0) {
    return {
      input: { ...base, location: null, typedCoordinates: { lat: editor.lat, lon: editor.lon } },
      problems: [...problems, ...details.problems],
    };
  }
  const location =
    typeof lat === 'number' && typeof lon === 'number' ? { lat, lon, source: editor.locationSource } : null;
  return { input: { ...base, location, typedCoordinates: null }, problems: details.problems };
}
