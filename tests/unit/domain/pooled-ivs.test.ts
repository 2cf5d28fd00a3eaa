import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pooledIvs } from '../../../domain/atRest/pooledIvs';

describe('random IVs drawn from a pool (domain/atRest/pooledIvs.ts)', () => {
  it('hands out distinct IVs of the asked size, drawing the random source once per pool', () => {
    const draws: number[] = [];
    const next = pooledIvs(
      (bytes) => {
        draws.push(bytes);
        return randomBytes(bytes);
      },
      12,
      4,
    );
    const ivs = Array.from({ length: 10 }, () => next());
    expect(ivs.every((iv) => iv.length === 12)).toBe(true);
    expect(new Set(ivs.map((iv) => Buffer.from(iv).toString('hex'))).size).toBe(10);
    expect(draws).toEqual([48, 48, 48]);
  });

  it('keeps an IV as it was handed out when the pool is drawn again', () => {
    const next = pooledIvs((bytes) => randomBytes(bytes), 12, 1);
    const first = next();
    const copy = Buffer.from(first).toString('hex');
    next();
    next();
    expect(Buffer.from(first).toString('hex')).toBe(copy);
  });
});
