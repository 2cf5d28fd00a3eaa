import { z } from 'zod';
import { CardIdSchema } from './card';

/**
 * Where a card stands between this console and central, as the operator sees it:
 * `local` — changes not yet handed to the network; `sending` — a push with them is in flight;
 * `synced` — central has everything; `rejected` — central refused an operation, with its reason.
 */
export const CardSyncStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('local') }),
  z.object({ state: z.literal('sending') }),
  z.object({ state: z.literal('synced') }),
  z.object({ state: z.literal('rejected'), reason: z.string() }),
]);
export type CardSyncState = z.infer<typeof CardSyncStateSchema>;

/** The outbox at a glance: unsent operations and every card that is not `synced` (absent = synced). */
export const SyncStatusSchema = z.object({
  unsent: z.number().int().nonnegative(),
  cards: z.array(z.object({ cardId: CardIdSchema, sync: CardSyncStateSchema })),
  lastSyncAt: z.iso.datetime().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
