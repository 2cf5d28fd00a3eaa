import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KEY_BYTES, KEY_ID_PATTERN, type KeyRing, newKeyRing } from './atRest';

/**
 * Where the console's at-rest keys live. In host mode a key file in the data folder readable by the user only;
 * in Electron the same ring sealed by the operating system (`safeStorage`, main/electron/safeStorageKeys.ts).
 */
export interface AtRestKeySource {
  /** What the error text names for IT: the file that holds (or should hold) the keys. */
  readonly where: string;
  /** The stored ring; null when there is none yet. Throws AtRestKeyError('unreadable') when it cannot be read. */
  load(): KeyRing | null;
  save(ring: KeyRing): void;
}

/**
 * The store cannot read its personal data with the keys it has: no key while sealed rows exist (`missing`),
 * a key that does not open them (`wrong`), or a key file that cannot be read (`unreadable`). Never answered
 * with a new key, which would leave every sealed row unreadable for good.
 */
export class AtRestKeyError extends Error {
  constructor(
    readonly reason: 'missing' | 'wrong' | 'unreadable' | 'unavailable',
    readonly where: string,
    readonly keyId: string | null = null,
  ) {
    super(
      `the console's personal data cannot be read: at-rest key ${reason}${keyId ? ` (${keyId})` : ''} at ${where}`,
    );
  }
}

export const KEY_FILE_NAME = 'console.key';
const OWNER_ONLY = 0o600;

const RingFileSchema = z.object({
  current: z.string().regex(KEY_ID_PATTERN),
  keys: z.record(z.string().regex(KEY_ID_PATTERN), z.string().regex(/^[A-Za-z0-9+/]{43}=$/)),
});

export function ringToText(ring: KeyRing): string {
  return JSON.stringify({
    current: ring.current,
    keys: Object.fromEntries([...ring.keys].map(([id, key]) => [id, key.toString('base64')])),
  });
}

/** The ring from its stored text; null when the text is not a ring whose current key it holds. */
export function ringFromText(text: string): KeyRing | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = RingFileSchema.safeParse(json);
  if (!parsed.success || !(parsed.data.current in parsed.data.keys)) return null;
  const keys = new Map(Object.entries(parsed.data.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')]));
  if ([...keys.values()].some((key) => key.length !== KEY_BYTES)) return null;
  return { current: parsed.data.current, keys };
}

/** Written beside and renamed over, owner-only from its first byte, so a crash never leaves half a key. */
export function writeOwnerOnly(file: string, content: string | Buffer): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, content, { mode: OWNER_ONLY });
  chmodSync(partial, OWNER_ONLY);
  renameSync(partial, file);
}

/** Host mode's keys: `console.key` in the data folder, mode 0600 (put back on every start). */
export function keyFileSource(dataDir: string): AtRestKeySource {
  const file = join(dataDir, KEY_FILE_NAME);
  return {
    where: file,
    load() {
      if (!existsSync(file)) return null;
      const ring = ringFromText(readFileSync(file, 'utf8'));
      if (!ring) throw new AtRestKeyError('unreadable', file);
      chmodSync(file, OWNER_ONLY);
      return ring;
    },
    save: (ring) => writeOwnerOnly(file, ringToText(ring)),
  };
}

/**
 * A new current key; the old ones stay in the ring, so what they sealed still reads. Values are sealed with
 * the new key from the next start on (and each row as it is written again).
 */
export function rotateAtRestKey(source: AtRestKeySource): KeyRing {
  const ring = source.load();
  if (!ring) throw new AtRestKeyError('missing', source.where);
  const next = newKeyRing(ring);
  source.save(next);
  return next;
}
