import { describe, expect, it } from 'vitest';
import { rangeOf } from '../../../central/http/auditedFile';

describe('the byte range a player asks of a stored file', () => {
  it('reads the three forms of a single range, clipped to the file', () => {
    expect(rangeOf(undefined, 100)).toBeNull();
    expect(rangeOf('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(rangeOf('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(rangeOf('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(rangeOf('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  });

  it('refuses what no part of the file answers, and several ranges at once', () => {
    for (const header of ['bytes=100-', 'bytes=9-3', 'bytes=-', 'bytes=0-1,5-6', 'items=0-1', 'bytes=a-b'])
      expect(rangeOf(header, 100)).toBe('bad');
  });
});
