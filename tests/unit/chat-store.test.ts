import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../domain/appeals/appeal';
import type { Change } from '../../domain/sync/sync';
import { SyncOperationSchema } from '../../domain/sync/sync';
import { type ConsoleStore, aCentralCard, aConsoleStore } from '../support/consoleStore';
import { tempDir } from '../support/tempDir';

interface OutboxRow {
  id: string;
  type: string;
  payload: string;
  state: string;
}

describe('the chat with the citizen, on a real SQLite file', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: ConsoleStore;
  let seq = 0;
  const outboxRows = () => store.db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY seq').all();
  const chatRows = () => store.db.prepare<[], { id: string }>('SELECT id FROM chat_messages').all();
  /** A card that central sent us, answering a citizen's appeal. */
  const aCardWithAppeal = () => {
    const card = aCentralCard();
    store.ledger.applyPull([{ seq: ++seq, entity: 'card', card }], seq);
    return card;
  };
  const citizenLine = (appealId: string, text: string): ChatMessage => ({
    id: uuidv7(),
    appealId,
    from: 'citizen',
    accountId: null,
    text,
    createdAt: new Date().toISOString(),
  });
  const chatChange = (message: ChatMessage): Change => ({ seq: ++seq, entity: 'chat', message });

  beforeEach(() => {
    temp = tempDir();
    store = aConsoleStore(temp.dir);
  });
  afterEach(() => {
    store.db.close();
    temp.remove();
  });

  it("keeps the card's appeal from central, so the card knows whom to chat with", () => {
    const card = aCardWithAppeal();
    expect(store.cards.get(card.id)?.appealId).toBe(card.appealId);
    expect(store.chat.forCard(card.id)).toEqual({ ok: true, appealId: card.appealId, messages: [] });
  });

  it('writes a staff line and its chat.message operation in one transaction, under one UUIDv7 id', () => {
    const card = aCardWithAppeal();
    const sent = store.chat.send(card.id, 'Наряд выехал.\nОставайтесь на месте.');
    if (!sent.ok) throw new Error(`refused: ${sent.refusal}`);
    expect(sent.message).toMatchObject({
      appealId: card.appealId,
      from: 'staff',
      text: 'Наряд выехал.\nОставайтесь на месте.',
      sync: { state: 'sending' },
    });
    const [op] = outboxRows();
    expect(op).toMatchObject({ id: sent.message.id, type: 'chat.message', state: 'pending' });
    expect(SyncOperationSchema.parse(store.outbox.takeBatch(10)[0])).toMatchObject({
      id: sent.message.id,
      cardId: card.id,
      type: 'chat.message',
      payload: { appealId: card.appealId, text: 'Наряд выехал.\nОставайтесь на месте.' },
    });
  });

  it('leaves neither the line nor the operation when the operation cannot be written', () => {
    const card = aCardWithAppeal();
    store.db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    expect(() => store.chat.send(card.id, 'hello')).toThrow('disk full');
    expect(chatRows()).toEqual([]);
    expect(outboxRows()).toEqual([]);
  });

  it('leaves neither the line nor the operation when the line cannot be written', () => {
    const card = aCardWithAppeal();
    store.db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON chat_messages BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    expect(() => store.chat.send(card.id, 'hello')).toThrow('disk full');
    expect(chatRows()).toEqual([]);
    expect(outboxRows()).toEqual([]);
  });

  it('refuses a line on a card that answers no appeal, and writes nothing', () => {
    const draft = store.cards.saveDraft({ description: 'walk-in report', category: null, location: null });
    const before = outboxRows();
    expect(store.chat.send(draft.id, 'hello')).toEqual({ ok: false, refusal: 'noAppeal' });
    expect(store.chat.forCard(draft.id)).toEqual({ ok: false, refusal: 'noAppeal' });
    expect(outboxRows()).toEqual(before);
  });

  it("marks the line sent when central applies it, and it becomes central's line when the feed returns it", () => {
    const card = aCardWithAppeal();
    const sent = store.chat.send(card.id, 'Наряд выехал');
    if (!sent.ok) throw new Error('refused');
    const batch = store.outbox.takeBatch(10);
    const pushed = store.ledger.recordPush(batch, [
      { id: sent.message.id, status: 'applied', seq: ++seq, card: null },
    ]);
    expect(pushed.chatAppeals).toEqual([card.appealId]);
    const central: ChatMessage = {
      ...sent.message,
      accountId: uuidv7(),
      createdAt: new Date(Date.now() + 1500).toISOString(),
    };
    store.ledger.applyPull([chatChange(central)], seq);
    const listed = store.chat.forCard(card.id);
    expect(listed.ok && listed.messages).toEqual([{ ...central, sync: { state: 'sent' } }]);
  });

  it("shows central's refusal on the line, with its code to translate, not on the card, and keeps the operation", () => {
    const card = aCardWithAppeal();
    const sent = store.chat.send(card.id, 'hello');
    if (!sent.ok) throw new Error('refused');
    const batch = store.outbox.takeBatch(10);
    const reason = 'no such appeal in your territory';
    store.ledger.recordPush(batch, [
      { id: sent.message.id, status: 'rejected', code: 'appeal.notFound', params: {}, reason },
    ]);
    const listed = store.chat.forCard(card.id);
    expect(listed.ok && listed.messages[0]?.sync).toEqual({
      state: 'rejected',
      reason,
      code: 'appeal.notFound',
      params: {},
    });
    expect(outboxRows()[0]).toMatchObject({ state: 'rejected' });
    expect(store.ledger.status().cards).toEqual([]);
  });

  it("stores the citizen's lines once however often the feed repeats them, in time order", () => {
    const card = aCardWithAppeal();
    const appealId = card.appealId ?? '';
    const first = citizenLine(appealId, 'Они всё ещё здесь');
    const second = {
      ...citizenLine(appealId, '<b>Быстрее</b>'),
      createdAt: new Date(Date.now() + 1000).toISOString(),
    };
    const page = [chatChange(second), chatChange(first)];
    expect(store.ledger.applyPull(page, seq).chatAppeals).toEqual([appealId]);
    store.ledger.applyPull(page, seq);
    const listed = store.chat.forCard(card.id);
    expect(listed.ok && listed.messages.map((m) => [m.from, m.text, m.sync.state])).toEqual([
      ['citizen', 'Они всё ещё здесь', 'sent'],
      ['citizen', '<b>Быстрее</b>', 'sent'],
    ]);
  });

  it("counts an unsent line as unsent, but lets central's changes of the card through meanwhile", () => {
    const card = aCardWithAppeal();
    store.chat.send(card.id, 'hello');
    expect(store.ledger.status()).toMatchObject({ unsent: 1, cards: [] });
    const moved = { ...card, status: 'sentToInspector' as const, version: 2 };
    store.ledger.applyPull([{ seq: ++seq, entity: 'card', card: moved }], seq);
    expect(store.cards.get(card.id)).toMatchObject({ status: 'sentToInspector', version: 2 });
  });

  it("finds an appeal's lines through its index", () => {
    const plan = store.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT * FROM chat_messages WHERE appeal_id = 'x' ORDER BY created_at, id`,
      )
      .all();
    expect(plan.map((p) => p.detail).join(' ')).toContain('chat_messages_appeal');
  });
});
