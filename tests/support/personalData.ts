import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Personal data planted through the real paths, to be looked for in the raw bytes of the stores. */
export const PLANTED = {
  name: 'Зарина Тулегенқызы',
  phone: '+7 705 318 4466',
  iin: '900101400122',
  sentence: 'Сосед угрожает ножом у третьего подъезда',
  address: 'улица Абылай хана 91, кв 17',
  chat: 'Он снова стучит в дверь, приезжайте',
  fileName: 'сосед-с-ножом.jpg',
} as const;

/** Each planted value as the stores could keep it: UTF-8, and for JSON also with its non-ASCII escaped. */
function needles(): { label: string; bytes: Buffer }[] {
  return Object.entries(PLANTED).flatMap(([label, value]) => {
    const escaped = JSON.stringify(value)
      .slice(1, -1)
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return [
      { label, bytes: Buffer.from(value, 'utf8') },
      ...(escaped === value ? [] : [{ label: `${label} (escaped)`, bytes: Buffer.from(escaped, 'utf8') }]),
      // UTF-16 (PostgreSQL never, SQLite if asked): cheap to look for too.
      { label: `${label} (utf16)`, bytes: Buffer.from(value, 'utf16le') },
    ];
  });
}

/** Every file under `path` (or the file itself). */
export function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Which planted values appear in these files' raw bytes, as `label in file`. */
export function plantedIn(files: readonly string[]): string[] {
  const found: string[] = [];
  const all = needles();
  for (const file of files) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const n of all) if (bytes.includes(n.bytes)) found.push(`${n.label} in ${file}`);
  }
  return found;
}

/** Which planted values appear in these strings (rows read raw from a database). */
export function plantedInText(texts: readonly { where: string; text: string }[]): string[] {
  return texts.flatMap(({ where, text }) =>
    Object.entries(PLANTED).flatMap(([label, value]) =>
      text.includes(value) ? [`${label} in ${where}`] : [],
    ),
  );
}
