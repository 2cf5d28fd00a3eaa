const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date and time as "30.11.2026, 09:05" in Kazakh and Russian alike: the four-digit year, day first.
 * Written out by hand because Chromium's Kazakh data falls back to a two-digit year ("30.11.26").
 */
export function formatDateTime(value: string | Date, language: string): string {
  const date = new Date(value);
  if (language === 'en') return date.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const day = `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
  return `${day}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A time of day to the second, "09:05:07", the same in every language (the parts of one call are seconds apart). */
export function formatTimeOfDay(value: string | Date): string {
  const date = new Date(value);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
