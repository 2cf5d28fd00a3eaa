import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { KeyRing } from '../store/atRest';
import {
  type AtRestKeySource,
  AtRestKeyError,
  ringFromText,
  ringToText,
  writeOwnerOnly,
} from '../store/atRestKeys';

export const SAFE_KEY_FILE_NAME = 'console.key.safe';

/**
 * Electron's at-rest keys: the ring sealed by the operating system's keystore (`safeStorage`: DPAPI on Windows,
 * the keychain or libsecret elsewhere), in the data folder, owner-only. The thin Electron-only half of
 * main/store/atRestKeys.ts.
 */
export function safeStorageKeySource(dataDir: string): AtRestKeySource {
  const file = join(dataDir, SAFE_KEY_FILE_NAME);
  return {
    where: file,
    load(): KeyRing | null {
      if (!existsSync(file)) return null;
      if (!safeStorage.isEncryptionAvailable()) throw new AtRestKeyError('unavailable', file);
      let text: string;
      try {
        text = safeStorage.decryptString(readFileSync(file));
      } catch {
        throw new AtRestKeyError('wrong', file);
      }
      const ring = ringFromText(text);
      if (!ring) throw new AtRestKeyError('unreadable', file);
      return ring;
    },
    save(ring) {
      if (!safeStorage.isEncryptionAvailable()) throw new AtRestKeyError('unavailable', file);
      writeOwnerOnly(file, safeStorage.encryptString(ringToText(ring)));
    },
  };
}
