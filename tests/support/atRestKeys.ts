import { type FieldCipher, type KeyRing, createFieldCipher, newKeyRing } from '../../main/store/atRest';
import type { AtRestKeySource } from '../../main/store/atRestKeys';

/** An at-rest key source held in memory (for `openDatabase(':memory:', { keys })` and key-rotation tests). */
export function memoryKeys(ring: KeyRing | null = null): AtRestKeySource & { ring(): KeyRing | null } {
  let stored = ring;
  return {
    where: 'memory',
    load: () => stored,
    save: (next) => {
      stored = next;
    },
    ring: () => stored,
  };
}

/** A cipher under a fresh key, for migrations run by hand on rows planted before 0190. */
export const aTestCipher = (): FieldCipher => createFieldCipher(newKeyRing());
