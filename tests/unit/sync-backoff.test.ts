import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../main/sync/backoff';

const policy = { baseMs: 500, capMs: 30_000 };

describe('the sync backoff', () => {
  it('does not wait before the first try', () => {
    expect(backoffDelay(policy, 0)).toBe(0);
  });

  it('doubles the ceiling with each failure up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 10].map((failures) => backoffDelay(policy, failures, () => 1));
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 30_000]);
  });

  it('spreads consoles that failed together between half the ceiling and the ceiling', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(1000);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(1500);
  });

  it('stays at the cap however long central is away', () => {
    expect(backoffDelay(policy, 10_000, () => 1)).toBe(30_000);
  });
});
