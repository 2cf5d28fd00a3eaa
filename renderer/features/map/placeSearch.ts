/** A place of the offline list (resources/map/cities.json) as the search reads it. */
export interface Place {
  id: number;
  name: string;
  altName?: string;
  lat: number;
  lon: number;
  population: number;
}

/** Kazakh and Russian letters written the way the Latin names of the list write them. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  і: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * Names whose Kazakh or Russian form is another word, not another spelling, keyed by the list's GeoNames
 * id; every other name is found through the letters above and a small tolerance for spelling.
 */
const OTHER_NAMES: Readonly<Record<number, readonly string[]>> = {
  1520316: ['Өскемен', 'Усть-Каменогорск'],
  608668: ['Орал', 'Уральск'],
  1521368: ['Байқоңыр', 'Байконур'],
  1520172: ['Петропавл', 'Петропавловск', 'Qyzyljar'],
};

/**
 * One spelling for every way the same name is written: lower case, no accents, Cyrillic as Latin, and the
 * Latin variants of Kazakh sounds (q/k, gh/g, kh/k, y/i, j/zh) folded together; hyphens and spaces go.
 */
export function foldName(text: string): string {
  const latin = Array.from(text.toLowerCase().normalize('NFC'))
    .map((letter) => CYRILLIC_TO_LATIN[letter] ?? letter)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return latin
    .replace(/kh|q/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/j/g, 'zh')
    .replace(/y/g, 'i')
    .replace(/[^a-z0-9]/g, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 0: the same name; 1: the start of it; 2: close to it; null: another place. */
function closeness(query: string, name: string): number | null {
  if (query === name) return 0;
  if (name.startsWith(query) || (query.length >= 6 && query.startsWith(name))) return 1;
  const allowed = name.length >= 8 ? 2 : name.length >= 5 ? 1 : 0;
  return query.length >= 4 && editDistance(query, name) <= allowed ? 2 : null;
}

/**
 * The places whose name, in Kazakh, Russian or Latin letters, is the query or starts with it, closest
 * first and larger places before smaller ones.
 */
export function searchPlaces(places: readonly Place[], query: string, limit = 6): Place[] {
  const folded = foldName(query);
  if (folded.length < 2) return [];
  const found: { place: Place; rank: number }[] = [];
  for (const place of places) {
    const names = [place.name, place.altName, ...(OTHER_NAMES[place.id] ?? [])].filter(
      (n): n is string => !!n,
    );
    const ranks = names
      .map((name) => closeness(folded, foldName(name)))
      .filter((r): r is number => r !== null);
    if (ranks.length > 0) found.push({ place, rank: Math.min(...ranks) });
  }
  return found
    .sort((a, b) => a.rank - b.rank || b.place.population - a.place.population)
    .slice(0, limit)
    .map((f) => f.place);
}
