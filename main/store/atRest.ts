import { type KeyObject, createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { pooledIvs } from '../../domain/atRest/pooledIvs';
import type Database from 'better-sqlite3';

/**
 * Personal data at rest (issue 11 item 12): the applicant's identity and the citizen's words are stored sealed
 * with AES-256-GCM. This module owns the keys and the cipher; the repositories seal what they write and open
 * what they read, so nothing else in the console sees a sealed value.
 *
 * Envelope (a TEXT column): `v1.<key id>.<base64url(iv ‖ tag ‖ ciphertext)>`. The key id says which key of
 * the ring opens it, so a new key can become current while the rows sealed under the old one still read.
 */
export interface KeyRing {
  /** The key new values are sealed with. */
  current: string;
  /** Every key that may have sealed a stored value: id → 32 bytes. */
  keys: ReadonlyMap<string, Buffer>;
}

export interface FieldCipher {
  seal(text: string): string;
  open(sealed: string): string;
  sealNullable(text: string | null): string | null;
  openNullable(sealed: string | null): string | null;
  readonly currentKeyId: string;
  hasKey(id: string): boolean;
  /** Whether this sealed value is under the current key (a value under an older one is sealed again when rewritten). */
  sealedByCurrentKey(sealed: string): boolean;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** Key ids are short hex: they never contain the envelope's separator. */
export const KEY_ID_PATTERN = /^[0-9a-f]{8,32}$/;

/** A sealed value that is not an envelope, names a key the ring lacks, or fails authentication. */
export class SealedValueError extends Error {
  constructor(
    readonly reason: 'notSealed' | 'unknownKey' | 'wrongKey',
    readonly keyId: string | null,
  ) {
    super(`a sealed value could not be opened (${reason}${keyId ? `, key ${keyId}` : ''})`);
  }
}

export function newKeyId(): string {
  return randomBytes(4).toString('hex');
}

export function newKeyRing(previous?: KeyRing): KeyRing {
  let id = newKeyId();
  while (previous?.keys.has(id)) id = newKeyId();
  return { current: id, keys: new Map([...(previous?.keys ?? []), [id, randomBytes(KEY_BYTES)]]) };
}

export function createFieldCipher(ring: KeyRing): FieldCipher {
  // Key objects are made once: a card save seals a few fields, and each seal is then only the cipher itself.
  const keys = new Map<string, KeyObject>();
  for (const [id, bytes] of ring.keys) {
    if (!KEY_ID_PATTERN.test(id) || bytes.length !== KEY_BYTES)
      throw new Error(`at-rest key ${id} is not a ${KEY_BYTES}-byte key with a hex id`);
    keys.set(id, createSecretKey(bytes));
  }
  const currentKey = keys.get(ring.current);
  if (!currentKey) throw new Error(`the current at-rest key ${ring.current} is not in the ring`);
  const prefix = `${VERSION}.${ring.current}.`;
  const nextIv = pooledIvs(randomBytes, IV_BYTES);

  const seal = (text: string): string => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  };
  const open = (sealed: string): string => {
    const first = sealed.indexOf('.');
    const second = sealed.indexOf('.', first + 1);
    if (first < 0 || second < 0 || sealed.slice(0, first) !== VERSION)
      throw new SealedValueError('notSealed', null);
    const keyId = sealed.slice(first + 1, second);
    const key = keys.get(keyId);
    if (!key) throw new SealedValueError('unknownKey', keyId);
    const raw = Buffer.from(sealed.slice(second + 1), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealedValueError('notSealed', keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SealedValueError('wrongKey', keyId);
    }
  };
  return {
    seal,
    open,
    sealNullable: (text) => (text === null ? null : seal(text)),
    openNullable: (sealed) => (sealed === null ? null : open(sealed)),
    currentKeyId: ring.current,
    hasKey: (id) => keys.has(id),
    sealedByCurrentKey: (sealed) => sealed.startsWith(prefix),
  };
}

// The cipher of each database the store opened: the repositories of that database seal with it.
const ciphers = new WeakMap<Database.Database, FieldCipher>();

export function attachCipher(db: Database.Database, cipher: FieldCipher): void {
  ciphers.set(db, cipher);
}

/** The cipher `openDatabase` attached to this database; a database opened any other way has none. */
export function cipherOf(db: Database.Database): FieldCipher {
  const cipher = ciphers.get(db);
  if (!cipher) throw new Error('this database was not opened by openDatabase: it has no at-rest key');
  return cipher;
}
