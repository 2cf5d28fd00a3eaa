import { z } from 'zod';
import { storableText } from '../contract/text';
import { CardFieldsSchema, CardIdSchema, CardSchema } from '../cards/card';
import { ChatMessageSchema } from '../appeals/appeal';
import { RecordingMetaSchema } from '../files/recording';
import { RefusalOnWireSchema, RefusalParamsOnWireSchema } from '../contract/refusal';
import { TransitionInputSchema } from '../cards/workflow';
import { ForwardInputSchema } from '../inbox/inbox';
import { DispatchInputSchema } from '../dispatch/unit';
import { QueuedCheckPayloadSchema } from '../dispatch/warning';

/**
 * The sync protocol between a console and central (architecture.md "Data and its flow").
 *
 * Push: the console sends its outbox in order as `SyncPushRequest`; central applies each operation
 * exactly once (its `id` is unique on central and stored in the same transaction as its effect) and
 * answers one `SyncOpResult` per operation, in order. Re-sending an operation is always safe: it answers
 * `duplicate` with the original result (an id another account used first is `rejected`, `op.conflict`).
 * `rejected` is final (do not retry); transport errors are not. An operation central cannot store is
 * rejected on its own (`op.unstorable`); the rest of its batch is applied.
 *
 * Pull: `GET /api/sync/pull?since=CURSOR&limit=N` returns the changes this account may see with
 * `seq > since`, in order; store `cursor` and ask again while `hasMore`.
 */
export const SYNC_LIMITS = { batchMax: 500, pullMax: 1000 } as const;

/** UUIDv7: time-ordered client operation id. */
export const OperationIdSchema = z.uuid({ version: 'v7', message: 'operation id must be a UUIDv7' });

const base = {
  id: OperationIdSchema,
  cardId: CardIdSchema,
  createdAt: z.iso.datetime(),
};

export const SyncOperationSchema = z.discriminatedUnion('type', [
  /** A new card; central assigns its number and department (§8). Omitted fields are blank. */
  z.strictObject({
    ...base,
    type: z.literal('card.create'),
    payload: z.strictObject({ fields: CardFieldsSchema.partial() }),
  }),
  /**
   * Changed fields of a card. With `baseVersion`, a card changed by someone else since is `rejected`
   * as stale so the console can show both and let the operator decide.
   */
  z.strictObject({
    ...base,
    type: z.literal('card.update'),
    payload: z.strictObject({
      fields: CardFieldsSchema.partial(),
      baseVersion: z.number().int().nonnegative().optional(),
    }),
  }),
  /** A workflow step (domain/cards/workflow.ts), checked on central for role and territory. */
  z.strictObject({ ...base, type: z.literal('card.transition'), payload: TransitionInputSchema }),
  /**
   * A dispatcher's chat line to the citizen of the card's appeal. Central keeps the operation's id as the
   * message's id, so the console recognises its own message when the change feed brings it back.
   */
  z.strictObject({
    ...base,
    type: z.literal('chat.message'),
    payload: z.strictObject({ appealId: z.uuid(), text: storableText().trim().min(1).max(2000) }),
  }),
  /** A call recording of the card: its metadata now, its bytes after the card as a resumable upload. */
  z.strictObject({ ...base, type: z.literal('recording.meta'), payload: RecordingMetaSchema }),
  /**
   * An inbox item taken while central was out of reach (issue 12): central claims it then, or refuses
   * `inbox.claimed` / `inbox.notWaiting`. `cardId` is the appeal's id: the outbox keeps one appeal's actions in
   * order by that key (the card opened from it has its own id, and its create is refused if the claim was).
   */
  z.strictObject({
    ...base,
    type: z.literal('inbox.claim'),
    payload: z.strictObject({ appealId: z.uuid() }),
  }),
  /**
   * A possible duplicate linked to the open card it repeats (issue 12, item 5): the appeal joins that card instead
   * of becoming one. `cardId` is that card, so the link reaches central after the card itself.
   */
  z.strictObject({
    ...base,
    type: z.literal('inbox.link'),
    payload: z.strictObject({ appealId: z.uuid() }),
  }),
  /** A non-urgent text forwarded to a service while central was out of reach; `cardId` as for `inbox.claim`. */
  z.strictObject({
    ...base,
    type: z.literal('inbox.forward'),
    payload: ForwardInputSchema.extend({ appealId: z.uuid() }).strict(),
  }),
  /**
   * §13: the inspector sends units (or a СОГ) to the card. Every unit's status and the card change together
   * on central, or nothing does (a unit already busy elsewhere refuses the whole operation, `unit.notFree`).
   */
  z.strictObject({ ...base, type: z.literal('units.dispatch'), payload: DispatchInputSchema }),
  /**
   * §15: a person checked while central was out of reach (issue 14 item 5). Central makes the check when the
   * operation arrives, audited, with the operation's id as the check's, and warns the card's units of what it
   * found, as a check made at once would.
   */
  z.strictObject({ ...base, type: z.literal('reference.check'), payload: QueuedCheckPayloadSchema }),
]);
export type SyncOperation = z.infer<typeof SyncOperationSchema>;
export type SyncOperationType = SyncOperation['type'];

export const SyncPushRequestSchema = z.strictObject({
  operations: z.array(SyncOperationSchema).min(1).max(SYNC_LIMITS.batchMax),
});
export type SyncPushRequest = z.infer<typeof SyncPushRequestSchema>;

export const SyncOpResultSchema = z.discriminatedUnion('status', [
  z.object({
    id: z.uuid(),
    status: z.literal('applied'),
    seq: z.number().int(),
    card: CardSchema.nullable(),
  }),
  z.object({
    id: z.uuid(),
    status: z.literal('duplicate'),
    /**
     * The original answer, as it was when the operation was first applied or rejected. A refusal recorded
     * before refusals had codes has `code` null and only its English `reason`.
     */
    original: z.object({
      status: z.enum(['applied', 'rejected']),
      seq: z.number().int().nullable(),
      reason: storableText().nullable(),
      code: storableText().nullable().default(null),
      params: RefusalParamsOnWireSchema.nullable().default(null),
    }),
  }),
  /**
   * A refusal: `code` and `params` from domain/contract/refusal.ts, which the screens translate; `reason` is the
   * English detail for developers' logs, never shown.
   */
  z.object({
    id: z.uuid(),
    status: z.literal('rejected'),
    ...RefusalOnWireSchema.shape,
    reason: storableText(),
  }),
]);
export type SyncOpResult = z.infer<typeof SyncOpResultSchema>;

export const SyncPushResponseSchema = z.object({ results: z.array(SyncOpResultSchema) });
export type SyncPushResponse = z.infer<typeof SyncPushResponseSchema>;

export const SyncPullQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SYNC_LIMITS.pullMax).default(500),
});

/**
 * One entry of the change feed; `seq` is central's monotonic sequence. `cardMoved` goes to those who could see
 * the card before its department changed (they hear of no later change of it): only where it went, at which
 * version, so a console hides its copy from an account that may no longer see it.
 */
export const ChangeSchema = z.discriminatedUnion('entity', [
  z.object({ seq: z.number().int(), entity: z.literal('card'), card: CardSchema }),
  z.object({
    seq: z.number().int(),
    entity: z.literal('cardMoved'),
    cardId: CardIdSchema,
    version: z.number().int().nonnegative(),
    departmentId: storableText().nullable(),
  }),
  z.object({ seq: z.number().int(), entity: z.literal('chat'), message: ChatMessageSchema }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const SyncPullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type SyncPullResponse = z.infer<typeof SyncPullResponseSchema>;
