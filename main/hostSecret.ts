import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HOST_SECRET_FILE_NAME = 'host-secret';

/** 24 random bytes in base64url: what `randomBytes(24)` gives, and nothing else is accepted from the file. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** Readable and writable by the user who runs the console only. */
const OWNER_ONLY = 0o600;

/**
 * Host mode's secret, kept in the data folder so a browser tab of this console reconnects by itself after
 * a restart. A missing or damaged file gets a new secret (open tabs then need the new URL); the file's mode
 * is put back to owner-only on every start, in case someone copied the folder with wider rights.
 */
export function loadHostSecret(dataDir: string): string {
  const file = join(dataDir, HOST_SECRET_FILE_NAME);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (SECRET_PATTERN.test(stored)) {
      chmodSync(file, OWNER_ONLY);
      return stored;
    }
  }
  const secret = randomBytes(24).toString('base64url');
  // Written beside and renamed over, so a crash mid-write never leaves half a secret.
  const partial = `${file}.partial`;
  writeFileSync(partial, secret, { mode: OWNER_ONLY });
  chmodSync(partial, OWNER_ONLY);
  renameSync(partial, file);
  return secret;
}
