import { afterEach, describe, expect, it } from 'vitest';
import type { BoardDetails } from '../../domain/dispatch/board';
import type { SyncOperation, SyncPushResponse } from '../../domain/sync/sync';
import type { Central } from '../../central/server';
import { createBoardService } from '../../main/board/boardService';
import { createBoardStore } from '../../main/board/boardStore';
import { cipherOf } from '../../main/store/atRest';
import { createQueuedChecks } from '../../main/store/queuedChecks';
import { PLACES, aCardCreate, aFilledCard, aTransition } from '../support/central/builders';
import { tempDir } from '../support/tempDir';
import { type TcpProxy, startTcpProxy } from '../support/sync/tcpProxy';
import { aCentral, aSyncingConsole, demoToken, portOf } from '../support/sync/testConsole';
import { waitFor } from '../support/waitFor';

async function call<T>(base: string, method: string, path: string, token: string, body?: unknown) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}

const push = async (centralUrl: string, login: string, operations: SyncOperation[]) =>
  call<SyncPushResponse>(centralUrl, 'POST', '/api/sync/push', await demoToken(centralUrl, login), {
    operations,
  });

describe('a reference check taken offline (§15, issue 14 item 5)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it('waits in the outbox, shown as queued, and is made once when central is back: in the history, the units warned', async () => {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const proxy: TcpProxy = await startTcpProxy();
    cleanups.push(() => proxy.close());
    let central: Central = await aCentral(temp.dir);
    cleanups.push(() => central.close());
    proxy.setTarget(portOf(central.url));

    // A Medeu card, sent, taken, forwarded to the duty unit and registered: the duty officer's to check.
    const create = aCardCreate(aFilledCard({ location: { ...PLACES.medeu, source: 'map' } }));
    const cardId = create.cardId;
    await push(central.url, 'operator', [create, aTransition(cardId, 'sendToInspector')]);
    await push(central.url, 'inspector', [
      aTransition(cardId, 'startResponse'),
      aTransition(cardId, 'forwardToDuty'),
    ]);
    await push(central.url, 'duty', [aTransition(cardId, 'register', { kuizhNumber: 'KUI-2026-14' })]);

    const desk = aSyncingConsole(temp.dir, proxy.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'duty', password: 'duty' })).ok).toBe(true);
    await desk.sync.engine.idle();
    await waitFor(() => desk.cards.get(cardId)?.status === 'registered');
    const board = createBoardService({
      central: desk.sync.central,
      store: createBoardStore(desk.db),
      checks: createQueuedChecks(desk.db, { outbox: desk.outbox }),
      now: () => new Date(),
    });

    await central.close();
    proxy.setTarget(null);
    proxy.dropAll();
    const person = { name: 'Демо Сотталған' };
    expect(await board.check({ cardId, person, reason: 'named by the applicant as the attacker' })).toEqual({
      ok: false,
      queued: true,
    });
    desk.sync.syncNow();
    await waitFor(() => desk.connectivity.current().state === 'offline');
    const offline = await board.details(cardId);
    expect(offline.live).toBe(false);
    expect(offline.queuedChecks).toEqual([
      expect.objectContaining({ person, reason: 'named by the applicant as the attacker' }),
    ]);
    expect(desk.ledger.status().unsent).toBe(1);
    // Sealed at rest like every operation: the person's name is not readable in the outbox.
    const raw = desk.db.prepare(`SELECT payload FROM outbox WHERE type = 'reference.check'`).get() as {
      payload: string;
    };
    expect(raw.payload).not.toContain('Демо');

    central = await aCentral(temp.dir);
    proxy.setTarget(portOf(central.url));
    desk.sync.syncNow();
    await waitFor(() => desk.ledger.status().unsent === 0);
    const online = await board.details(cardId);
    expect(online.live).toBe(true);
    expect(online.queuedChecks).toEqual([]);
    expect(online.details?.warnings.map((w) => w.kind).sort()).toEqual(['conviction', 'danger']);

    // The same operation pushed again (an answer lost on the way) is a duplicate: still one check, one warning each.
    const sent = desk.db
      .prepare(`SELECT id, payload, created_at FROM outbox_sent WHERE type = 'reference.check'`)
      .all() as { id: string; payload: string; created_at: string }[];
    expect(sent).toHaveLength(1);
    const [again] = sent;
    if (!again) throw new Error('the check left no trace in outbox_sent');
    const repeat = await push(central.url, 'duty', [
      {
        id: again.id,
        type: 'reference.check',
        cardId,
        createdAt: again.created_at,
        payload: JSON.parse(cipherOf(desk.db).open(again.payload)) as {
          person: typeof person;
          reason: string;
        },
      },
    ]);
    expect(repeat.results.map((r) => r.status)).toEqual(['duplicate']);
    const history = await call<BoardDetails>(
      central.url,
      'GET',
      `/api/board/cards/${cardId}`,
      await demoToken(central.url, 'inspector'),
    );
    expect(history.steps.filter((s) => s.kind === 'check').map((s) => s.kind === 'check' && s.found)).toEqual(
      [2],
    );
    expect(history.warnings).toHaveLength(2);
  }, 120_000);
});
