import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The keys that sign access tokens, kept outside the database so that a database backup cannot mint an
 * admin's token. Each key has an id (`kid` in the token's header): central signs with `current` and
 * accepts every key in `keys`, so IT rotates a key without signing anyone out (README: "Signing key").
 */
const KeyIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a key id is 1–64 letters, digits, . _ -');
const SecretSchema = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length >= 32, 'a key is at least 32 bytes, base64-encoded');

export const SigningKeySetSchema = z
  .strictObject({ current: KeyIdSchema, keys: z.record(KeyIdSchema, SecretSchema) })
  .refine((set) => set.current in set.keys, { message: 'current must name one of keys', path: ['current'] });
export type SigningKeySet = z.infer<typeof SigningKeySetSchema>;

export interface SigningKeys {
  currentKid: string;
  current: Uint8Array;
  /** The key a token names in its header, or undefined for an unknown (or retired) id. */
  byKid(kid: string | undefined): Uint8Array | undefined;
}

/** Where the keys come from; chosen once at start (`signingKeySource`). */
export type SigningKeySource =
  | { kind: 'given'; keys: SigningKeySet }
  | { kind: 'file'; path: string }
  /** Only for a database that dies with the process (PGlite in memory) or a demo. */
  | { kind: 'ephemeral' };

export class SigningKeyError extends Error {}

export function generateSigningKeySet(): SigningKeySet {
  const kid = `k-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  return { current: kid, keys: { [kid]: randomBytes(32).toString('base64') } };
}

/**
 * Chooses the keys' source: given keys (CENTRAL_SIGNING_KEYS), else a key file (CENTRAL_SIGNING_KEY_FILE),
 * else beside PGlite's folder on disk, else in memory when the database is in memory too. Several
 * instances on one PostgreSQL must share a key, so there a key must be configured (a demo may go without).
 */
export function signingKeySource(options: {
  signingKeys?: SigningKeySet;
  signingKeyFile?: string;
  databaseUrl?: string;
  dataDir?: string;
  demo?: boolean;
}): SigningKeySource {
  if (options.signingKeys) return { kind: 'given', keys: options.signingKeys };
  if (options.signingKeyFile) return { kind: 'file', path: options.signingKeyFile };
  if (options.databaseUrl) {
    if (options.demo) return { kind: 'ephemeral' };
    throw new SigningKeyError(
      'central on PostgreSQL needs its token-signing key outside the database: set CENTRAL_SIGNING_KEY_FILE (the same file on every instance) or CENTRAL_SIGNING_KEYS',
    );
  }
  if (options.dataDir) return { kind: 'file', path: `${options.dataDir}.signing-keys.json` };
  return { kind: 'ephemeral' };
}

/** Reads the key file, creating it (mode 0600, never overwriting) on first start. */
async function keysFromFile(path: string): Promise<SigningKeySet> {
  try {
    await writeFile(path, `${JSON.stringify(generateSigningKeySet(), null, 2)}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Like ssh with its keys: a key file others can read is refused, not used (mode bits mean nothing on Windows).
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) {
    throw new SigningKeyError(`${path} is readable by others: chmod 600 it`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new SigningKeyError(`${path} is not JSON`);
  }
  return parseKeySet(json, path);
}

export function parseKeySet(json: unknown, where: string): SigningKeySet {
  const parsed = SigningKeySetSchema.safeParse(json);
  if (!parsed.success) {
    throw new SigningKeyError(
      `${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export async function loadSigningKeys(source: SigningKeySource): Promise<SigningKeys> {
  const set =
    source.kind === 'given'
      ? parseKeySet(source.keys, 'signing keys')
      : source.kind === 'file'
        ? await keysFromFile(source.path)
        : generateSigningKeySet();
  const keys = new Map(
    Object.entries(set.keys).map(([kid, secret]) => [kid, new Uint8Array(Buffer.from(secret, 'base64'))]),
  );
  const current = keys.get(set.current);
  if (!current) throw new SigningKeyError('current must name one of keys');
  return {
    currentKid: set.current,
    current,
    byKid: (kid) => (kid === undefined ? undefined : keys.get(kid)),
  };
}
