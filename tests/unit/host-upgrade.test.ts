import { describe, expect, it } from 'vitest';
import { readUpgradeRequest } from '../../main/hostUpgrade';

const origin = 'http://127.0.0.1:8103';

describe('reading a WebSocket upgrade request in host mode', () => {
  it('reads the path, the one secret and the one Origin of a good request', () => {
    expect(readUpgradeRequest('/api?secret=abc', { origin })).toEqual({
      pathname: '/api',
      secret: 'abc',
      origin,
    });
  });

  it('refuses targets that are not a path of this host, without throwing', () => {
    for (const target of [
      '//[',
      '//evil.example/api?secret=abc',
      'http://evil.example/api',
      '*',
      '',
      undefined,
    ])
      expect(readUpgradeRequest(target, { origin })).toBeNull();
  });

  it('gives no secret when it is missing or repeated, and no Origin when it is missing', () => {
    expect(readUpgradeRequest('/api', { origin })?.secret).toBeNull();
    expect(readUpgradeRequest('/api?secret=a&secret=a', { origin })?.secret).toBeNull();
    expect(readUpgradeRequest('/api?secret=a', {})?.origin).toBeNull();
  });

  it('keeps a broken escape in the secret as text, so it simply does not match', () => {
    expect(readUpgradeRequest('/api?secret=%zz', { origin })?.secret).toBe('%zz');
  });
});
