import type Database from 'better-sqlite3';
import type { ChatMessage } from '../../domain/appeal';
import {
  type CardChatMessage,
  CardChatMessageSchema,
  type ChatListResult,
  type ChatSendResult,
} from '../../domain/chat';
import { type CardRepository, CardNotFoundError } from './cards';
import type { Outbox } from './outbox';

interface ChatRow {
  id: string;
  appeal_id: string;
  sender: string;
  account_id: string | null;
  text: string;
  created_at: string;
  state: string;
  rejected_reason: string | null;
}

/** The table is a boundary: a row is parsed, never cast; the text stays the sender's plain text. */
const rowToMessage = (row: ChatRow): CardChatMessage =>
  CardChatMessageSchema.parse({
    id: row.id,
    appealId: row.appeal_id,
    from: row.sender,
    accountId: row.account_id,
    text: row.text,
    createdAt: row.created_at,
    sync:
      row.state === 'rejected'
        ? { state: 'rejected', reason: row.rejected_reason ?? '' }
        : { state: row.state },
  });

/** The chat with the citizen of a card's appeal (§2): central's lines and this console's own. */
export interface ChatRepository {
  /** A staff line: the local row (`sending`) and its `chat.message` operation in one transaction; the line's id is the operation's. */
  send(cardId: string, text: string): ChatSendResult;
  forCard(cardId: string): ChatListResult;
  /** A line from central's feed, stored once whatever the feed repeats; this console's own line becomes `sent`. Caller's transaction. */
  applyCentral(message: ChatMessage): void;
  /** Central answered this console's line; returns its appeal when the line changed. Caller's transaction. */
  markSent(id: string): string | null;
  markRejected(id: string, reason: string): string | null;
}

export function createChatRepository(
  db: Database.Database,
  deps: { now: () => Date; cards: CardRepository; outbox: Outbox },
): ChatRepository {
  const insertOwn = db.prepare(
    `INSERT INTO chat_messages (id, appeal_id, sender, account_id, text, created_at, state)
     VALUES (?, ?, 'staff', NULL, ?, ?, 'sending')`,
  );
  const upsertCentral = db.prepare(
    `INSERT INTO chat_messages (id, appeal_id, sender, account_id, text, created_at, state)
     VALUES (@id, @appealId, @from, @accountId, @text, @createdAt, 'sent')
     ON CONFLICT (id) DO UPDATE SET sender = excluded.sender, account_id = excluded.account_id, text = excluded.text,
       created_at = excluded.created_at, state = 'sent', rejected_reason = NULL`,
  );
  const answer = db.prepare<[string, string | null, string], { appeal_id: string }>(
    `UPDATE chat_messages SET state = ?, rejected_reason = ? WHERE id = ? AND state = 'sending' RETURNING appeal_id`,
  );
  const selectOne = db.prepare<[string], ChatRow>('SELECT * FROM chat_messages WHERE id = ?');
  const selectAppeal = db.prepare<[string], ChatRow>(
    'SELECT * FROM chat_messages WHERE appeal_id = ? ORDER BY created_at, id',
  );

  const send = db.transaction((cardId: string, text: string): ChatSendResult => {
    const card = deps.cards.get(cardId);
    if (!card) throw new CardNotFoundError(cardId);
    if (!card.appealId) return { ok: false, refusal: 'noAppeal' };
    const id = deps.outbox.append({
      type: 'chat.message',
      cardId,
      payload: { appealId: card.appealId, text },
    });
    insertOwn.run(id, card.appealId, text, deps.now().toISOString());
    const row = selectOne.get(id);
    if (!row) throw new Error('chat line vanished inside its transaction');
    return { ok: true, message: rowToMessage(row) };
  });

  return {
    send: (cardId, text) => send.immediate(cardId, text),
    forCard(cardId) {
      const card = deps.cards.get(cardId);
      if (!card) throw new CardNotFoundError(cardId);
      if (!card.appealId) return { ok: false, refusal: 'noAppeal' };
      return {
        ok: true,
        appealId: card.appealId,
        messages: selectAppeal.all(card.appealId).map(rowToMessage),
      };
    },
    applyCentral: (m) =>
      void upsertCentral.run({
        id: m.id,
        appealId: m.appealId,
        from: m.from,
        accountId: m.accountId,
        text: m.text,
        createdAt: m.createdAt,
      }),
    markSent: (id) => answer.get('sent', null, id)?.appeal_id ?? null,
    markRejected: (id, reason) => answer.get('rejected', reason, id)?.appeal_id ?? null,
  };
}
