import { z } from 'zod';
import { storableText } from '../contract/text';
import { CardIdSchema } from '../cards/card';
import { RefusalParamsOnWireSchema } from '../contract/refusal';
import { TransitionNameSchema } from '../cards/workflow';

/**
 * Where a card stands between this console and central, as the operator sees it:
 * `local` — changes not yet handed to the network; `sending` — a push with them is in flight; either
 * names the workflow step (`transition`) among those changes, so a card sent offline reads "sending";
 * `synced` — central has everything; `rejected` — central refused an operation, with its reason.
 */
export const CardSyncStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('local'), transition: TransitionNameSchema.optional() }),
  z.object({ state: z.literal('sending'), transition: TransitionNameSchema.optional() }),
  z.object({ state: z.literal('synced') }),
  /**
   * `code` and `params` are central's refusal (domain/contract/refusal.ts), which the screens translate; `reason` is
   * its English detail, for the log. A refusal stored before refusals had codes has only the `reason`.
   */
  z.object({
    state: z.literal('rejected'),
    reason: storableText(),
    code: storableText().optional(),
    params: RefusalParamsOnWireSchema.optional(),
  }),
]);
export type CardSyncState = z.infer<typeof CardSyncStateSchema>;

/** The outbox at a glance: unsent operations and every card that is not `synced` (absent = synced). */
export const SyncStatusSchema = z.object({
  unsent: z.number().int().nonnegative(),
  cards: z.array(z.object({ cardId: CardIdSchema, sync: CardSyncStateSchema })),
  lastSyncAt: z.iso.datetime().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
