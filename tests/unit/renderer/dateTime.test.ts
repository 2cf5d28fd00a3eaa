import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../renderer/i18n/dateTime';

describe('dates on the console (issue 16, item 2)', () => {
  const evening = new Date(2026, 10, 30, 21, 5);

  it('writes the same four-digit year, day first, in Kazakh and Russian', () => {
    expect(formatDateTime(evening, 'kk')).toBe('30.11.2026, 21:05');
    expect(formatDateTime(evening, 'ru')).toBe('30.11.2026, 21:05');
  });

  it('reads the ISO timestamps the store keeps', () => {
    expect(formatDateTime(evening.toISOString(), 'kk')).toBe('30.11.2026, 21:05');
  });
});
