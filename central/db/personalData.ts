import { type KeyObject, createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { pooledIvs } from '../../domain/atRest/pooledIvs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * Personal data at rest (issue 11 item 12): the applicant's identity and the citizen's words are stored sealed
 * with AES-256-GCM under a key kept outside the database (a key file or the environment, like the signing key:
 * central/README.md "Personal data key"). The repositories seal what they write and open what they read
 * (`Sql.sealed`); who may see the opened data is still decided only in central/access/.
 *
 * Envelope (a text column): `v1.<key id>.<base64url(iv ‖ tag ‖ ciphertext)>`; the key id names the key of the
 * set that opens it, so IT adds a new current key and the rows sealed under the old one still read.
 */
const KeyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a key id is 1–64 letters, digits, _ -');
const KeySchema = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length === 32, 'a key is 32 bytes, base64-encoded');
export const DataKeySetSchema = z
  .strictObject({ current: KeyIdSchema, keys: z.record(KeyIdSchema, KeySchema) })
  .refine((set) => set.current in set.keys, { message: 'current must name one of keys', path: ['current'] });
export type DataKeySet = z.infer<typeof DataKeySetSchema>;

export class DataKeyError extends Error {}

/** Seals and opens personal data; `Json` for structured values (the applicant, a card's fields). */
export interface Sealer {
  readonly currentKeyId: string;
  hasKey(id: string): boolean;
  seal(text: string): string;
  open(sealed: string): string;
  sealNullable(text: string | null): string | null;
  openNullable(sealed: string | null): string | null;
  sealJson(value: unknown): string;
  openJson(sealed: string): unknown;
}

export function generateDataKeySet(): DataKeySet {
  const id = `d-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  return { current: id, keys: { [id]: randomBytes(32).toString('base64') } };
}

export function createSealer(set: DataKeySet): Sealer {
  // Key objects are made once per start, not per value.
  const keys = new Map<string, KeyObject>(
    Object.entries(set.keys).map(([id, key]) => [id, createSecretKey(Buffer.from(key, 'base64'))]),
  );
  const current = keys.get(set.current);
  if (!current) throw new DataKeyError('current must name one of keys');
  const prefix = `v1.${set.current}.`;
  const nextIv = pooledIvs(randomBytes, 12);
  const seal = (text: string): string => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', current, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  };
  const open = (sealed: string): string => {
    const [version, id, body] = sealed.split('.');
    const key = id === undefined ? undefined : keys.get(id);
    if (version !== 'v1' || body === undefined) throw new DataKeyError('a stored value is not sealed');
    if (!key) throw new DataKeyError(`a stored value is sealed with key ${id}, which is not configured`);
    const raw = Buffer.from(body, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new DataKeyError(`key ${id} does not open a value it is said to have sealed: a wrong key`);
    }
  };
  return {
    currentKeyId: set.current,
    hasKey: (id) => keys.has(id),
    seal,
    open,
    sealNullable: (text) => (text === null ? null : seal(text)),
    openNullable: (sealed) => (sealed === null ? null : open(sealed)),
    sealJson: (value) => seal(JSON.stringify(value)),
    openJson: (sealed) => JSON.parse(open(sealed)) as unknown,
  };
}

export type DataKeySource =
  | { kind: 'given'; keys: DataKeySet }
  | { kind: 'file'; path: string }
  /** Only for a database that dies with the process (PGlite in memory) or a demo. */
  | { kind: 'ephemeral' };

/**
 * Given keys (CENTRAL_DATA_KEYS), else a key file (CENTRAL_DATA_KEY_FILE), else beside PGlite's folder on disk,
 * else in memory with an in-memory database. Several instances on one PostgreSQL share one key set, so there a
 * key must be configured (a demo may go without: its data dies with it).
 */
export function dataKeySource(options: {
  dataKeys?: DataKeySet;
  dataKeyFile?: string;
  databaseUrl?: string;
  dataDir?: string;
  demo?: boolean;
}): DataKeySource {
  if (options.dataKeys) return { kind: 'given', keys: options.dataKeys };
  if (options.dataKeyFile) return { kind: 'file', path: options.dataKeyFile };
  if (options.databaseUrl) {
    if (options.demo) return { kind: 'ephemeral' };
    throw new DataKeyError(
      'central on PostgreSQL needs its personal-data key outside the database: set CENTRAL_DATA_KEY_FILE (the same file on every instance) or CENTRAL_DATA_KEYS',
    );
  }
  if (options.dataDir) return { kind: 'file', path: `${options.dataDir}.data-keys.json` };
  return { kind: 'ephemeral' };
}

export function parseDataKeySet(json: unknown, where: string): DataKeySet {
  const parsed = DataKeySetSchema.safeParse(json);
  if (!parsed.success)
    throw new DataKeyError(
      `${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** Reads the key file, creating it (mode 0600, never overwriting) on first start; others may not read it. */
async function keysFromFile(path: string): Promise<DataKeySet> {
  try {
    await writeFile(path, `${JSON.stringify(generateDataKeySet(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0)
    throw new DataKeyError(`${path} is readable by others: chmod 600 it`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new DataKeyError(`${path} is not JSON`);
  }
  return parseDataKeySet(json, path);
}

export async function loadDataKeys(source: DataKeySource): Promise<Sealer> {
  return createSealer(
    source.kind === 'given'
      ? parseDataKeySet(source.keys, 'data keys')
      : source.kind === 'file'
        ? await keysFromFile(source.path)
        : generateDataKeySet(),
  );
}
