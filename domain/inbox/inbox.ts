import { z } from 'zod';
import { storableText } from '../contract/text';
import {
  AppealChannelSchema,
  AttachmentSchema,
  LanguageSchema,
  ZanMenTartipViaSchema,
} from '../appeals/appeal';
import { CardCategorySchema } from '../cards/category';
import { type LatLon, LatLonSchema } from '../places/geo';

/**
 * One thing waiting for an operator (§2, §11, §12, §18): a citizen's text, an SOS alarm or a call request.
 * A ringing call is one more kind of item, so the call view puts it here with the same claim and order.
 */
export const InboxItemKindSchema = z.enum(['sos', 'callRequest', 'text']);
export type InboxItemKind = z.infer<typeof InboxItemKindSchema>;

export const InboxItemSchema = z.object({
  appealId: z.uuid(),
  number: storableText(),
  kind: InboxItemKindSchema,
  channel: AppealChannelSchema,
  via: ZanMenTartipViaSchema.nullable(),
  language: LanguageSchema,
  category: CardCategorySchema.nullable(),
  /** The citizen's words: untrusted, always shown as text. */
  text: storableText().nullable(),
  location: LatLonSchema.nullable(),
  addressText: storableText().nullable(),
  departmentId: storableText().nullable(),
  anonymous: z.boolean(),
  attachments: z.array(AttachmentSchema),
  receivedAt: z.iso.datetime(),
  /** Who works on it now: the item stays listed, marked, so nobody else takes it. Null: free. */
  claimedBy: z.uuid().nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxListSchema = z.object({ items: z.array(InboxItemSchema) });

/** Most urgent first: SOS alarms, then call requests, then texts; within a kind, the longest waiting first. */
const KIND_RANK: Record<InboxItemKind, number> = { sos: 0, callRequest: 1, text: 2 };
export function inboxOrder(
  a: Pick<InboxItem, 'kind' | 'receivedAt'>,
  b: Pick<InboxItem, 'kind' | 'receivedAt'>,
) {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.receivedAt.localeCompare(b.receivedAt);
}

/** A competent service (§12.4) a non-urgent text can be forwarded to; names in both languages for the citizen. */
export const CompetentServiceSchema = z.object({
  id: storableText().min(1).max(64),
  nameKk: storableText(),
  nameRu: storableText(),
});
export type CompetentService = z.infer<typeof CompetentServiceSchema>;

export const ForwardInputSchema = z.strictObject({
  serviceId: storableText().min(1).max(64),
  reason: storableText().trim().min(1).max(1000),
});
export type ForwardInput = z.infer<typeof ForwardInputSchema>;

/** "Close in time and place" for duplicates (§ issue 12 item 5): configurable, these by default. */
export const DUPLICATE_WINDOW = { minutes: 15, meters: 300 } as const;

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;
/** Great-circle distance in metres (haversine): a few metres off at most over these distances. */
export function metersBetween(a: LatLon, b: LatLon): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/**
 * The open card this item may repeat: one created within the window before or after it, with a place within
 * the distance. The nearest in place wins; an item without a place is never marked.
 */
export function possibleDuplicate<C extends { id: string; createdAt: string; location: LatLon | null }>(
  item: Pick<InboxItem, 'location' | 'receivedAt'>,
  openCards: readonly C[],
  window: { minutes: number; meters: number } = DUPLICATE_WINDOW,
): C | null {
  if (!item.location) return null;
  const at = Date.parse(item.receivedAt);
  let best: { card: C; meters: number } | null = null;
  for (const card of openCards) {
    if (!card.location) continue;
    if (Math.abs(Date.parse(card.createdAt) - at) > window.minutes * 60_000) continue;
    const meters = metersBetween(item.location, card.location);
    if (meters <= window.meters && (!best || meters < best.meters)) best = { card, meters };
  }
  return best?.card ?? null;
}

/**
 * The open card each item may repeat, among `cards` (closed ones and the item's own card left out): worked out
 * once per item for this set of cards, so a list redrawn for other reasons does not measure again.
 */
export function duplicateFinder<
  C extends {
    id: string;
    createdAt: string;
    location: LatLon | null;
    status: string;
    appealId?: string | null;
  },
>(cards: readonly C[]): (item: InboxItem) => C | null {
  const open = cards.filter((c) => c.status !== 'closed' && c.location);
  const found = new WeakMap<InboxItem, C | null>();
  return (item) => {
    const known = found.get(item);
    if (known !== undefined) return known;
    const card = open.length
      ? possibleDuplicate(
          item,
          open.filter((c) => c.appealId !== item.appealId),
        )
      : null;
    found.set(item, card);
    return card;
  };
}

/**
 * An inbox action this console queued while central was out of reach (issue 12): still waiting to be sent, or
 * refused by central when it was (`code`, translated on screen: another operator claimed the item meanwhile, say).
 */
export const InboxQueuedActionSchema = z.object({
  appealId: z.uuid(),
  action: z.enum(['claim', 'forward', 'link']),
  state: z.enum(['queued', 'refused']),
  code: storableText().nullable(),
  at: z.iso.datetime(),
});
export type InboxQueuedAction = z.infer<typeof InboxQueuedActionSchema>;

/**
 * The console's answer to an inbox action: done (or `queued` in the outbox while central is out of reach, to
 * reach it once when it is back), refused by central (a refusal code), or central unreachable.
 */
export const InboxAnswerSchema = z.union([
  z.object({ ok: z.literal(true), queued: z.literal(true).optional() }),
  z.object({ ok: z.literal(false), refusal: storableText() }),
  z.object({ ok: z.literal(false), offline: z.literal(true) }),
]);
