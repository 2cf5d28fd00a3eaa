import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt, ChatMessage } from '../../../domain/appeals/appeal';
import type { Change, SyncOperation, SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aChatLine, aFilledCard, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

let t: TestCentral;
let appeal: AppealReceipt;
let cardId: string;

async function push(operations: SyncOperation[], login = 'operator'): Promise<SyncOpResult[]> {
  const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
    token: await t.token(login),
    body: { operations },
  });
  expect(r.status).toBe(200);
  return r.body.results;
}

async function chatInFeed(login = 'operator'): Promise<ChatMessage[]> {
  const r = await t.call<{ changes: Change[] }>('GET', '/api/sync/pull?since=0&limit=1000', {
    token: await t.token(login),
  });
  return r.body.changes.flatMap((c) =>
    c.entity === 'chat' && c.message.appealId === appeal.id ? [c.message] : [],
  );
}

beforeAll(async () => {
  t = await startTestCentral({ pglite: true });
  appeal = (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal() })).body;
  const create = aCardCreate(aFilledCard({ appealId: appeal.id }));
  cardId = create.cardId;
  expect((await push([create]))[0]?.status).toBe('applied');
});
afterAll(() => t.close());

describe('chat in the change feed, on PGlite (§2)', () => {
  it("carries the citizen's lines to the consoles of the appeal's territory", async () => {
    const posted = await t.call('POST', `/api/appeals/${appeal.id}/messages`, {
      body: { text: 'Они всё ещё здесь' },
      headers: { 'x-citizen-token': appeal.citizenToken },
    });
    expect(posted.status).toBe(201);
    expect(await chatInFeed()).toEqual([
      expect.objectContaining({ from: 'citizen', text: 'Они всё ещё здесь' }),
    ]);
  });

  it("keeps a console's chat.message under the operation's id, once however often it is pushed", async () => {
    const line = aChatLine(cardId, appeal.id, 'Наряд выехал, оставайтесь на связи');
    const [first] = await push([line]);
    expect(first).toMatchObject({ status: 'applied', card: null });
    expect((await push([line]))[0]).toMatchObject({ status: 'duplicate', original: { status: 'applied' } });
    const staff = (await chatInFeed()).filter((m) => m.from === 'staff');
    expect(staff).toEqual([
      expect.objectContaining({ id: line.id, text: 'Наряд выехал, оставайтесь на связи' }),
    ]);
    const history = await t.call<{ messages: ChatMessage[] }>('GET', `/api/appeals/${appeal.id}/messages`, {
      headers: { 'x-citizen-token': appeal.citizenToken },
    });
    expect(history.body.messages.filter((m) => m.id === line.id)).toHaveLength(1);
  });

  it('refuses a chat line from a role without appeals.chat', async () => {
    const [result] = await push([aChatLine(cardId, appeal.id, 'hello')], 'duty');
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'role.forbidden',
      params: { role: 'duty', action: 'appeals.chat' },
    });
  });
});
