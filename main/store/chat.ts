import type Database from 'better-sqlite3';
import type { ChatMessage } from '../../domain/appeals/appeal';
import {
  type CardChatMessage,
  CardChatMessageSchema,
  type ChatListResult,
  type ChatSendResult,
} from '../../domain/chat/chat';
import { cipherOf } from './atRest';
import { type CardRepository, CardNotFoundError } from './cards';
import type { Outbox } from './outbox';

/** Central's answer to a refused line: its code and parameters when it gave them, its English reason for the log. */
export interface ChatLineRefusal {
  code: string | null;
  params: Record<string, unknown> | null;
  reason: string | null;
}

interface ChatRow {
  id: string;
  appeal_id: string;
  sender: string;
  account_id: string | null;
  text: string;
  created_at: string;
  state: string;
  rejected_reason: string | null;
  rejected_code: string | null;
  rejected_params: string | null;
}

/** The table is a boundary: a row is parsed, never cast; the text (opened by the caller) stays the sender's plain text. */
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
        ? {
            state: 'rejected',
            reason: row.rejected_reason ?? '',
            ...(row.rejected_code === null
              ? {}
              : { code: row.rejected_code, params: JSON.parse(row.rejected_params ?? '{}') as unknown }),
          }
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
  /** Central refused this console's line: its code and parameters are kept for the screen to translate. */
  markRejected(id: string, refusal: ChatLineRefusal): string | null;
}

export function createChatRepository(
  db: Database.Database,
  deps: { now: () => Date; cards: CardRepository; outbox: Outbox },
): ChatRepository {
  // Chat lines are the citizen's words (and the operator's answers to them): sealed at rest.
  const cipher = cipherOf(db);
  const toMessage = (row: ChatRow): CardChatMessage => rowToMessage({ ...row, text: cipher.open(row.text) });
  const insertOwn = db.prepare(
    `INSERT INTO chat_messages (id, appeal_id, sender, account_id, text, created_at, state)
     VALUES (?, ?, 'staff', NULL, ?, ?, 'sending')`,
  );
  const upsertCentral = db.prepare(
    `INSERT INTO chat_messages (id, appeal_id, sender, account_id, text, created_at, state)
     VALUES (@id, @appealId, @from, @accountId, @text, @createdAt, 'sent')
     ON CONFLICT (id) DO UPDATE SET sender = excluded.sender, account_id = excluded.account_id, text = excluded.text,
       created_at = excluded.created_at, state = 'sent', rejected_reason = NULL, rejected_code = NULL,
       rejected_params = NULL`,
  );
  const answer = db.prepare<[string, string], { appeal_id: string }>(
    `UPDATE chat_messages SET state = ? WHERE id = ? AND state = 'sending' RETURNING appeal_id`,
  );
  const refuse = db.prepare<[string | null, string | null, string | null, string], { appeal_id: string }>(
    `UPDATE chat_messages SET state = 'rejected', rejected_reason = ?, rejected_code = ?, rejected_params = ?
     WHERE id = ? AND state = 'sending' RETURNING appeal_id`,
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
    insertOwn.run(id, card.appealId, cipher.seal(text), deps.now().toISOString());
    const row = selectOne.get(id);
    if (!row) throw new Error('chat line vanished inside its transaction');
    return { ok: true, message: toMessage(row) };
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
        messages: selectAppeal.all(card.appealId).map(toMessage),
      };
    },
    applyCentral: (m) =>
      void upsertCentral.run({
        id: m.id,
        appealId: m.appealId,
        from: m.from,
        accountId: m.accountId,
        text: cipher.seal(m.text),
        createdAt: m.createdAt,
      }),
    markSent: (id) => answer.get('sent', id)?.appeal_id ?? null,
    markRejected: (id, r) =>
      refuse.get(r.reason, r.code, r.code === null ? null : JSON.stringify(r.params ?? {}), id)?.appeal_id ??
      null,
  };
}
