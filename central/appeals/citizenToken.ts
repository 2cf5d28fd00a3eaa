import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpProblem } from '../http/problem';
import { refusal } from '../../domain/contract/refusal';

/** A citizen follows their own appeal with a bearer token issued at intake; only its hash is stored. */
export function newCitizenToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashCitizenToken(token) };
}

export function hashCitizenToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function checkCitizenToken(token: string | undefined, expectedHash: string): void {
  const given = Buffer.from(hashCitizenToken(token ?? ''), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  if (!token || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpProblem(404, refusal('appeal.notFound'), 'no such appeal, or wrong citizen token');
  }
}
