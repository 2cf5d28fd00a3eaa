import { createHash } from 'node:crypto';

/**
 * An audit entry's hash: sha256 over the previous entry's hash followed by its fields joined by U+001F,
 * the time in UTC to the microsecond — the same as migration 0080 computed for the entries before it.
 */
export function chainHash(
  previous: Uint8Array | null,
  entry: {
    accountId: string | null;
    action: string;
    subjectId: string | null;
    reason: string;
    atUtc: string;
  },
): Buffer {
  const text = [entry.accountId ?? '', entry.action, entry.subjectId ?? '', entry.reason, entry.atUtc].join(
    '\x1f',
  );
  return createHash('sha256')
    .update(previous ?? Buffer.alloc(0))
    .update(text, 'utf8')
    .digest();
}
