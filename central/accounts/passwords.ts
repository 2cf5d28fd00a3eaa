import argon2 from 'argon2';

/**
 * argon2id at OWASP's minimum (19 MiB, 2 passes): strong enough for staff passwords behind lockout,
 * and cheap enough that a shift logging in at 08:00 does not queue up on two cores.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
