import { cipherOf } from '../../main/store/atRest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Central } from '../../central/server';
import type { AppealReceipt } from '../../domain/appeals/appeal';
import type { InboxItem } from '../../domain/inbox/inbox';
import type { InboxListAnswer } from '../../domain/inbox/inboxChanges';
import type { SyncOperation } from '../../domain/sync/sync';
import { createInboxService } from '../../main/inbox/inboxService';
import { createInboxStore } from '../../main/inbox/inboxStore';
import { createInboxActions } from '../../main/store/inboxActions';
import { anAppeal, PLACES } from '../support/central/builders';
import { tempDir } from '../support/tempDir';
import { startTcpProxy } from '../support/sync/tcpProxy';
import { aCentral, aSyncingConsole, demoToken, portOf } from '../support/sync/testConsole';
import { waitFor } from '../support/waitFor';
import { aConsoleWithoutAccounts } from '../support/cardViewers';

/** The items of a list asked for without a version: main answers it whole. */
function wholeOf({ list }: { list: InboxListAnswer }): InboxItem[] {
  expect(list.kind).toBe('whole');
  return list.kind === 'whole' ? list.items : [];
}

/** Central's own answers, as another operator or the citizen would get them (not through the console). */
async function asStaff<T>(central: Central, login: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${central.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await demoToken(central.url, login)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as T };
}

describe('inbox actions taken while central is out of reach (issue 12, item 1)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('queues claims and forwards in the outbox, delivers each exactly once when central is back, and shows the claim another operator took meanwhile as refused', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const proxy = await startTcpProxy();
    cleanups.push(() => proxy.close());
    const central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    proxy.setTarget(portOf(central.url));
    const post = async (text: string) => {
      const r = await fetch(`${central.url}/api/appeals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(anAppeal({ kind: 'text', text })),
      });
      return (await r.json()) as AppealReceipt;
    };
    const mine = await post('Драка у подъезда');
    const toService = await post('Не горит фонарь');
    const contested = await post('Шум ночью');

    const desk = aSyncingConsole(temp.dir, proxy.url);
    cleanups.push(() => desk.close());
    const now = () => new Date();
    const inbox = createInboxService({
      central: desk.sync.central,
      account: () => desk.sync.session.current(),
      store: createInboxStore(desk.db),
      actions: createInboxActions(desk.db, { outbox: desk.outbox, now }),
      now,
    });
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    await desk.sync.engine.idle();
    const seen = await inbox.list();
    expect(seen.live).toBe(true);

    // Central goes out of reach: the operator keeps working from the last copy.
    proxy.setTarget(null);
    proxy.dropAll();
    const copy = await inbox.list();
    expect(copy.live).toBe(false);
    expect(wholeOf(copy).map((i) => i.appealId)).toEqual(wholeOf(seen).map((i) => i.appealId));

    expect(await inbox.claim(mine.id)).toEqual({ ok: true, queued: true });
    const ownCard = desk.cards.createForAppeal(
      {
        description: 'Драка у подъезда',
        category: 'otherOffence',
        location: { ...PLACES.almatyCentre, source: 'device' },
      },
      { appealId: mine.id, channel: 'app102' },
    );
    expect(
      await inbox.forward(toService.id, { serviceId: 'akimat', reason: 'Не требует выезда полиции' }),
    ).toEqual({ ok: true, queued: true });
    expect(await inbox.claim(contested.id)).toEqual({ ok: true, queued: true });
    const lateCard = desk.cards.createForAppeal(
      {
        description: 'Шум ночью',
        category: 'otherOffence',
        location: { ...PLACES.almatyCentre, source: 'device' },
      },
      { appealId: contested.id, channel: 'app102' },
    );
    expect((await inbox.list()).actions.map((a) => [a.appealId, a.action, a.state])).toEqual([
      [mine.id, 'claim', 'queued'],
      [toService.id, 'forward', 'queued'],
      [contested.id, 'claim', 'queued'],
    ]);

    // Meanwhile another operator of the territory, online, takes the third one.
    expect((await asStaff(central, 'supervisor', 'POST', `/api/inbox/${contested.id}/claim`)).status).toBe(
      200,
    );

    proxy.setTarget(portOf(central.url));
    desk.sync.syncNow();
    await desk.sync.engine.idle();

    // Each reached central: the first is this operator's card (in progress), the second went to the service.
    const staffView = async (id: string) =>
      (await asStaff<{ appeal: { status: string } }>(central, 'operator', 'GET', `/api/staff/appeals/${id}`))
        .body.appeal.status;
    expect(await staffView(mine.id)).toBe('inProgress');
    expect(await staffView(toService.id)).toBe('forwardedToService');
    expect(await staffView(contested.id)).toBe('registered');
    expect(desk.cards.get(ownCard.id)?.number).toEqual(expect.any(String));

    // The third: refused on its item with a code the screen translates, and the card typed for it is kept.
    const after = await inbox.list();
    expect(after.live).toBe(true);
    expect(after.actions).toEqual([
      expect.objectContaining({
        appealId: contested.id,
        action: 'claim',
        state: 'refused',
        code: 'inbox.claimed',
      }),
    ]);
    expect(wholeOf(after).find((i) => i.appealId === contested.id)?.claimedBy).not.toBeNull();
    await waitFor(() => desk.cards.get(lateCard.id)?.refusal?.code === 'inbox.claimed');
    expect(desk.cards.get(lateCard.id)?.description).toBe('Шум ночью');
    expect(desk.ledger.status().unsent).toBe(0);

    // Exactly once: the very operations pushed again are answered `duplicate` with their original result.
    const sent = desk.db
      .prepare<[], { id: string; card_id: string; type: string; payload: string; created_at: string }>(
        "SELECT id, card_id, type, payload, created_at FROM outbox_sent WHERE type LIKE 'inbox.%' ORDER BY seq",
      )
      .all();
    const rejected = desk.db
      .prepare<[], { id: string; card_id: string; type: string; payload: string; created_at: string }>(
        "SELECT id, card_id, type, payload, created_at FROM outbox WHERE type LIKE 'inbox.%' AND state = 'rejected'",
      )
      .all();
    const operations = [...sent, ...rejected].map(
      (r) =>
        ({
          id: r.id,
          cardId: r.card_id,
          type: r.type,
          payload: JSON.parse(cipherOf(desk.db).open(r.payload)) as unknown,
          createdAt: r.created_at,
        }) as SyncOperation,
    );
    expect(operations).toHaveLength(3);
    const again = await asStaff<{
      results: { status: string; original?: { status: string; code: string } }[];
    }>(central, 'operator', 'POST', '/api/sync/push', { operations });
    expect(again.body.results.map((r) => [r.status, r.original?.status, r.original?.code ?? null])).toEqual([
      ['duplicate', 'applied', null],
      ['duplicate', 'applied', null],
      ['duplicate', 'rejected', 'inbox.claimed'],
    ]);
    const forwards = await asStaff<{ appeal: { status: string } }>(
      central,
      'operator',
      'GET',
      `/api/staff/appeals/${toService.id}`,
    );
    expect(forwards.body.appeal.status).toBe('forwardedToService');
  }, 90_000);

  it('links a possible duplicate to the open card it repeats with one action: it leaves the inbox as in progress, with no card of its own (item 5)', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    const post = async (text: string) => {
      const r = await fetch(`${central.url}/api/appeals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(anAppeal({ kind: 'text', text })),
      });
      return (await r.json()) as AppealReceipt;
    };
    const first = await post('Авария на перекрёстке');
    const repeat = await post('Там же авария, двое пострадавших');
    const desk = aSyncingConsole(temp.dir, central.url);
    cleanups.push(() => desk.close());
    const now = () => new Date();
    const inbox = createInboxService({
      central: desk.sync.central,
      account: () => desk.sync.session.current(),
      store: createInboxStore(desk.db),
      actions: createInboxActions(desk.db, { outbox: desk.outbox, now }),
      now,
    });
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    expect(await inbox.claim(first.id)).toEqual({ ok: true });
    const card = desk.cards.createForAppeal(
      {
        description: 'Авария',
        category: 'roadAccident',
        location: { ...PLACES.almatyCentre, source: 'device' },
      },
      { appealId: first.id, channel: 'app102' },
    );
    // Queued in the outbox; the engine wakes on the write and may deliver it at once, so only the outcome is checked.
    expect(inbox.link(repeat.id, card.id)).toEqual({ ok: true, queued: true });
    desk.sync.syncNow();
    await desk.sync.engine.idle();

    const status = async (id: string) =>
      (await asStaff<{ appeal: { status: string } }>(central, 'operator', 'GET', `/api/staff/appeals/${id}`))
        .body.appeal.status;
    expect(await status(repeat.id)).toBe('inProgress');
    const after = await inbox.list();
    expect(after.actions).toEqual([]);
    expect(wholeOf(after).map((i) => i.appealId)).not.toContain(repeat.id);
    expect(desk.cards.list(aConsoleWithoutAccounts).filter((c) => c.appealId === repeat.id)).toEqual([]);
  }, 90_000);
});
