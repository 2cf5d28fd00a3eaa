import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSTATION_ID_FILE_NAME = 'workstation-id';

/** What central takes as a workstation id: 1–64 letters, digits, dots, dashes or underscores. */
const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * This console's name in the admin's workstations table (§28), kept in its data folder: two consoles on one
 * machine (two data folders) are two rows, and a renamed machine stays the same row. The machine's name at
 * the first start comes first, so the admin still reads where it is; a random tail makes it this console's.
 */
export function loadWorkstationId(dataDir: string, machineName: string): string {
  const file = join(dataDir, WORKSTATION_ID_FILE_NAME);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (ID_PATTERN.test(stored)) return stored;
  }
  const head = machineName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 48) || 'workstation';
  const id = `${head}-${randomBytes(4).toString('hex')}`;
  // Written beside and renamed over, so a crash mid-write never leaves half a name.
  const partial = `${file}.partial`;
  writeFileSync(partial, id);
  renameSync(partial, file);
  return id;
}
