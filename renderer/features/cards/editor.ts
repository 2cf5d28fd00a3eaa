import type { Card, CardDraftInput, CardStatus } from '../../../domain/cards/card';
import type { CardCategory } from '../../../domain/cards/category';
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
}

export type EditorProblem = 'invalidLatitude' | 'invalidLongitude' | 'bothCoordinates' | 'outsideKazakhstan';

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
});

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
    editor.lon.trim() === ''
  );
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
  const base = {
    ...(editor.id ? { id: editor.id } : {}),
    description: editor.description,
    category: editor.category,
  };
  if (problems.length > 0) {
    return {
      input: { ...base, location: null, typedCoordinates: { lat: editor.lat, lon: editor.lon } },
      problems,
    };
  }
  const location =
    typeof lat === 'number' && typeof lon === 'number' ? { lat, lon, source: editor.locationSource } : null;
  return { input: { ...base, location, typedCoordinates: null }, problems };
}
