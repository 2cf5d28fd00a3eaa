import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppealReceipt, ChatMessage } from '../../domain/appeals/appeal';
import type { CardRecording } from '../../domain/files/recording';
import type { SyncOperation } from '../../domain/sync/sync';
import { aFilledCard, anAppeal } from '../support/central/builders';
import { type ConsoleBehindProxy, aConsoleBehindProxy } from '../support/sync/consoleBehindProxy';
import type { TcpProxy } from '../support/sync/tcpProxy';
import { demoToken } from '../support/sync/testConsole';
import { waitFor } from '../support/waitFor';

async function json<T>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The first answer to a push is cut after central applied it: the console must push again and be told `duplicate`. */
function loseFirstPushAnswer(proxy: TcpProxy) {
  let lost = false;
  proxy.onPushAnswer = () => {
    if (lost) return 'pass';
    lost = true;
    return 'cut';
  };
}

describe('chat and call recordings, from a console to a real central', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  async function setUp(): Promise<ConsoleBehindProxy> {
    const behind = await aConsoleBehindProxy(cleanups);
    expect((await behind.desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(
      true,
    );
    return behind;
  }

  it("brings the citizen's lines to the card, and takes the operator's line to central exactly once though its answer is lost", async () => {
    const { central, proxy, desk } = await setUp();
    const appeal = await json<AppealReceipt>(`${central.url}/api/appeals`, {
      method: 'POST',
      body: anAppeal(),
    });
    await json(`${central.url}/api/appeals/${appeal.id}/messages`, {
      method: 'POST',
      body: { text: 'Они всё ещё во дворе' },
      headers: { 'x-citizen-token': appeal.citizenToken },
    });
    // The operator took the appeal into a card at another workstation; this console learns it from the feed.
    const token = await demoToken(central.url, 'operator');
    const cardId = uuidv7();
    const create: SyncOperation = {
      id: uuidv7(),
      type: 'card.create',
      cardId,
      createdAt: new Date().toISOString(),
      payload: { fields: aFilledCard({ appealId: appeal.id }) },
    };
    await json(`${central.url}/api/sync/push`, { method: 'POST', token, body: { operations: [create] } });

    desk.sync.syncNow();
    await waitFor(
      () => {
        if (!desk.cards.get(cardId)) return false;
        const chat = desk.chat.forCard(cardId);
        return chat.ok && chat.messages.length === 1;
      },
      { timeoutMs: 20_000 },
    );
    expect(desk.chatChanged).toContain(appeal.id);

    loseFirstPushAnswer(proxy);
    const sent = desk.chat.send(cardId, 'Наряд выехал, оставайтесь на связи');
    if (!sent.ok) throw new Error(`refused: ${sent.refusal}`);
    desk.sync.syncNow();
    await desk.sync.engine.idle();
    await waitFor(
      () => {
        const chat = desk.chat.forCard(cardId);
        return chat.ok && chat.messages.every((m) => m.sync.state === 'sent');
      },
      { timeoutMs: 20_000 },
    );

    expect(proxy.pushAnswers.some((a) => a.includes('"duplicate"'))).toBe(true);
    const onCentral = await json<{ messages: ChatMessage[] }>(
      `${central.url}/api/staff/appeals/${appeal.id}`,
      { token },
    );
    expect(onCentral.messages.filter((m) => m.from === 'staff')).toEqual([
      expect.objectContaining({ id: sent.message.id, text: 'Наряд выехал, оставайтесь на связи' }),
    ]);
    const here = desk.chat.forCard(cardId);
    expect(here.ok && here.messages.map((m) => [m.from, m.text])).toEqual([
      ['citizen', 'Они всё ещё во дворе'],
      ['staff', 'Наряд выехал, оставайтесь на связи'],
    ]);
  }, 90_000);

  it('registers a call recording with central once and uploads its bytes after the card', async () => {
    const { central, proxy, desk, dir, attachmentsDir } = await setUp();
    const card = desk.cards.saveDraft({
      description: 'video call from the 102 app',
      category: 'otherOffence',
      location: { lat: 43.2567, lon: 76.9286, source: 'device' },
    });
    const bytes = randomBytes(600 * 1024);
    writeFileSync(join(dir, 'call.webm'), bytes);
    const meta = await desk.recordings.register({
      cardId: card.id,
      source: join(dir, 'call.webm'),
      startedAt: new Date(Date.now() - 95_000),
      durationMs: 95_000,
      mimeType: 'video/webm;codecs=vp8,opus',
    });

    loseFirstPushAnswer(proxy);
    desk.sync.syncNow();
    await desk.sync.engine.idle();
    await waitFor(() => desk.outbox.unsentCount() === 0, { timeoutMs: 20_000 });

    expect(proxy.pushAnswers.some((a) => a.includes('"duplicate"'))).toBe(true);
    // Recordings are listed to the roles that review them (§16, §17): the supervisor of the territory.
    const token = await demoToken(central.url, 'supervisor');
    const listed = await json<{ recordings: CardRecording[] }>(
      `${central.url}/api/cards/${card.id}/recordings`,
      { token },
    );
    expect(listed.recordings).toEqual([expect.objectContaining({ ...meta, cardId: card.id })]);
    const stored = readFileSync(join(attachmentsDir, 'card-files', meta.fileId));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(meta.sha256);
  }, 90_000);
});
