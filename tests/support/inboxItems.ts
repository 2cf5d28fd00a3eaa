import { randomUUID } from 'node:crypto';
import type { InboxItem } from '../../domain/inbox/inbox';

/** An item as central lists it: a citizen's text from the 102 app, free, received at `minute` past noon. */
export function anInboxItem(minute: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    appealId: randomUUID(),
    number: `A-2026-${String(minute).padStart(6, '0')}`,
    kind: 'text',
    channel: 'app102',
    via: null,
    language: 'ru',
    category: 'otherOffence',
    text: `Шум во дворе, ${minute}`,
    location: { lat: 43.2567, lon: 76.9286 },
    addressText: null,
    departmentId: null,
    anonymous: true,
    attachments: [],
    receivedAt: new Date(Date.UTC(2026, 10, 30, 12, minute)).toISOString(),
    claimedBy: null,
    ...overrides,
  };
}
