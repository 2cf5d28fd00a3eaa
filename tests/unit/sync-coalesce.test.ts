import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../main/sync/coalesce';

describe('coalescing sync status updates', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers the first call at once', () => {
    const fn = vi.fn();
    coalesce(fn, 250)();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('turns a burst into one trailing call, so the last state still arrives', () => {
    const fn = vi.fn();
    const call = coalesce(fn, 250);
    for (let i = 0; i < 100; i++) call();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('calls at once again after a quiet interval', () => {
    const fn = vi.fn();
    const call = coalesce(fn, 250);
    call();
    vi.advanceTimersByTime(300);
    call();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('drops a pending call when cancelled', () => {
    const fn = vi.fn();
    const call = coalesce(fn, 250);
    call();
    call();
    call.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
