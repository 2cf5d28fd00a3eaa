import type { Card, CardDraftInput, CardStatus } from '../../../domain/card';
import type { CardCategory } from '../../../domain/category';
import type { LatLon, LocationSource } from '../../../domain/geo';

/** The card form as the operator is typing it: coordinates stay text until they are valid numbers. */
export interface CardEditor {
  id: string | undefined;
  localNumber: number | undefined;
  /** Central's register number; until it comes, the console's provisional `localNumber` stands in. */
  number: string | null;
  status: CardStatus;
  description: string;
  category: CardCategory | null;
  lat: string;
  lon: string;
  locationSource: LocationSource;
}

export type EditorProblem = 'invalidLatitude' | 'invalidLongitude' | 'bothCoordinates';

export const emptyEditor = (): CardEditor => ({
  id: undefined,
  localNumber: undefined,
  number: null,
  status: 'draft',
  description: '',
  category: null,
  lat: '',
  lon: '',
  locationSource: 'typed',
});

export const editorFromCard = (card: Card): CardEditor => ({
  id: card.id,
  localNumber: card.localNumber,
  number: card.number ?? null,
  status: card.status,
  description: card.description,
  category: card.category,
  lat: card.location ? String(card.location.lat) : '',
  lon: card.location ? String(card.location.lon) : '',
  locationSource: card.location?.source ?? 'typed',
});

const parseCoordinate = (text: string, limit: number): number | null | 'invalid' => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : 'invalid';
};

/** The place the form points at while both coordinates read as numbers (for the map and the territory). */
export function editorPoint(editor: CardEditor): LatLon | null {
  const lat = parseCoordinate(editor.lat, 90);
  const lon = parseCoordinate(editor.lon, 180);
  return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : null;
}

/** Turns the form into the contract's input, or names what the operator must fix first. */
export function editorToInput(editor: CardEditor): { input: CardDraftInput } | { problems: EditorProblem[] } {
  const lat = parseCoordinate(editor.lat, 90);
  const lon = parseCoordinate(editor.lon, 180);
  const problems: EditorProblem[] = [];
  if (lat === 'invalid') problems.push('invalidLatitude');
  if (lon === 'invalid') problems.push('invalidLongitude');
  if (problems.length === 0 && (lat === null) !== (lon === null)) problems.push('bothCoordinates');
  if (problems.length > 0 || lat === 'invalid' || lon === 'invalid') return { problems };
  return {
    input: {
      ...(editor.id ? { id: editor.id } : {}),
      description: editor.description,
      category: editor.category,
      location: lat === null || lon === null ? null : { lat, lon, source: editor.locationSource },
    },
  };
}
