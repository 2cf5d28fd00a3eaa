import { z } from 'zod';
import { storableText } from '../contract/text';
import { ChatInputSchema, ChatMessageSchema } from '../appeals/appeal';
import { CardIdSchema } from '../cards/card';
import { RefusalParamsOnWireSchema } from '../contract/refusal';

/**
 * Where a chat line stands between this console and central: `sending` — typed here, central does not
 * have it yet; `sent` — central has it (every citizen line is); `rejected` — central refused it, with why.
 */
export const ChatSyncStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('sending') }),
  z.object({ state: z.literal('sent') }),
  /** As a card's refusal (domain/sync/syncStatus.ts): a code to translate when central gave one. */
  z.object({
    state: z.literal('rejected'),
    reason: storableText(),
    code: storableText().optional(),
    params: RefusalParamsOnWireSchema.optional(),
  }),
]);
export type ChatSyncState = z.infer<typeof ChatSyncStateSchema>;

/** A line of the chat with the citizen (§2) as the console shows it. The text is the sender's: plain text. */
export const CardChatMessageSchema = ChatMessageSchema.extend({ sync: ChatSyncStateSchema });
export type CardChatMessage = z.infer<typeof CardChatMessageSchema>;

/** Why the console will not show or send a card's chat. */
export const ChatRefusalSchema = z.enum([
  /** The signed-in role lacks `appeals.chat` (domain/session/roles.ts). */
  'notAllowed',
  /** The card came from no citizen's appeal, so there is nobody to chat with. */
  'noAppeal',
]);
export type ChatRefusal = z.infer<typeof ChatRefusalSchema>;

export const ChatListInputSchema = z.strictObject({ cardId: CardIdSchema });
export const ChatListResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), appealId: z.uuid(), messages: z.array(CardChatMessageSchema) }),
  z.object({ ok: z.literal(false), refusal: ChatRefusalSchema }),
]);
export type ChatListResult = z.infer<typeof ChatListResultSchema>;

export const ChatSendInputSchema = ChatInputSchema.extend({ cardId: CardIdSchema });
export type ChatSendInput = z.infer<typeof ChatSendInputSchema>;
export const ChatSendResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: CardChatMessageSchema }),
  z.object({ ok: z.literal(false), refusal: ChatRefusalSchema }),
]);
export type ChatSendResult = z.infer<typeof ChatSendResultSchema>;
