import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import type { CentreView } from '../../../domain/centre/centre';
import type { SyncOperation } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, aTransition, anAppeal } from '../../support/central/builders';
import { type TestCentral, startTestCentral } from '../../support/central/central';
import { loginAs, openSocket } from '../../support/central/client';
import { POSTGRES_SKIP_REASON, postgresReachable } from '../../support/central/postgres';
import { waitFor } from '../../support/waitFor';

const DATABASES = [
  { name: 'PGlite', pglite: true, skip: false },
  { name: 'PostgreSQL', pglite: false, skip: !postgresReachable },
] as const;

if (!postgresReachable) console.warn(POSTGRES_SKIP_REASON);

describe.each(DATABASES)('the supervisor’s view of the centre on $name (§16, issue 14 item 4)', (db) => {
  let t: TestCentral;
  let astanaSupervisor: string;
  beforeAll(async () => {
    if (db.skip) return;
    t = await startTestCentral({ pglite: db.pglite, callQueue: { escalateAfterMs: 200 } });
    const account = {
      login: `supervisor.astana.${Math.random().toString(36).slice(2, 8)}`,
      password: 'correct horse battery',
      role: 'supervisor',
      departmentId: 'kz-astana',
      displayName: 'Начальник смены, Астана',
    };
    const created = await t.call('POST', '/api/accounts', { token: await t.token('admin'), body: account });
    expect(created.status).toBe(201);
    astanaSupervisor = await loginAs(t.call, account.login, account.password);
  });
  afterAll(() => t?.close());

  const view = async (token?: string) => {
    const r = await t.call<CentreView>('GET', '/api/centre', {
      token: token ?? (await t.token('supervisor')),
    });
    expect(r.status).toBe(200);
    return r.body;
  };
  const push = async (operations: SyncOperation[], login: string) => {
    const r = await t.call<{ results: { status: string }[] }>('POST', '/api/sync/push', {
      token: await t.token(login),
      body: { operations },
    });
    expect(r.body.results.map((x) => x.status)).toEqual(operations.map(() => 'applied'));
  };
  const postAppeal = async (options: Parameters<typeof anAppeal>[0]) =>
    (await t.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal(options) })).body;

  it.skipIf(db.skip)('is the supervisor’s alone: an operator or an inspector is refused', async () => {
    for (const login of ['operator', 'inspector']) {
      const r = await t.call('GET', '/api/centre', { token: await t.token(login) });
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: 'role.forbidden', params: { action: 'centre.read' } });
    }
  });

  it.skipIf(db.skip)(
    'shows what waits with its age, escalated calls marked, and no citizen’s identity or words',
    async () => {
      const text = await postAppeal({ kind: 'text', text: 'Соседи шумят третий час' });
      const call = await postAppeal({ kind: 'callRequest' });
      await waitFor(async () => (await view()).waiting.some((w) => w.appealId === call.id && w.escalated), {
        timeoutMs: 10_000,
      });
      const seen = await view();
      const waitingText = seen.waiting.find((w) => w.appealId === text.id);
      expect(waitingText).toMatchObject({
        kind: 'text',
        channel: 'app102',
        escalated: false,
        claimed: false,
      });
      expect(Date.parse(seen.at) - Date.parse(waitingText?.receivedAt ?? '')).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(seen)).not.toContain('Айгерим');
      expect(JSON.stringify(seen)).not.toContain('Соседи шумят');
    },
  );

  it.skipIf(db.skip)(
    'follows each operator: available, in a call, away, on a card, each with since when',
    async () => {
      const socket = await openSocket(t.url, `token=${await t.token('operator')}`);
      const stateOf = async () => (await view()).operators.find((o) => o.displayName === 'Асель Нурланова');
      await waitFor(async () => (await stateOf())?.state === 'available', { timeoutMs: 10_000 });
      const available = await stateOf();
      expect(available).toMatchObject({ role: 'operator', departmentId: 'kz-almaty' });

      socket.send({ type: 'presence.set', status: 'busy' });
      await waitFor(async () => (await stateOf())?.state === 'inCall', { timeoutMs: 10_000 });
      expect(Date.parse((await stateOf())?.since ?? '')).toBeGreaterThanOrEqual(
        Date.parse(available?.since ?? ''),
      );
      socket.send({ type: 'presence.set', status: 'away' });
      await waitFor(async () => (await stateOf())?.state === 'away', { timeoutMs: 10_000 });

      socket.send({ type: 'presence.set', status: 'available' });
      await waitFor(async () => (await stateOf())?.state === 'available', { timeoutMs: 10_000 });
      // A draft the operator writes to: they are on a card (derived from their activity, not a button).
      await push([aCardCreate({ description: 'Звонок о ДТП', category: null })], 'operator');
      await waitFor(async () => (await stateOf())?.state === 'onCard', { timeoutMs: 10_000 });

      socket.close();
      await waitFor(async () => (await stateOf()) === undefined, { timeoutMs: 10_000 });
    },
  );

  it.skipIf(db.skip)(
    'lists open cards by status with what they lack and §13’s sent and taken times',
    async () => {
      const draft = aCardCreate({ description: '', category: null, location: null, addressText: null });
      const sent = aCardCreate(aFilledCard());
      const taken = aCardCreate(aFilledCard());
      const closed = aCardCreate(aFilledCard({ urgent: false }));
      await push([draft, sent, taken, closed], 'operator');
      await push(
        [aTransition(sent.cardId, 'sendToInspector'), aTransition(taken.cardId, 'sendToInspector')],
        'operator',
      );
      await push([aTransition(taken.cardId, 'startResponse')], 'inspector');
      await push([aTransition(closed.cardId, 'forwardToService')], 'operator');

      const { cards } = await view();
      const byId = (id: string) => cards.find((c) => c.id === id);
      expect(byId(draft.cardId)).toMatchObject({
        status: 'draft',
        missing: ['description', 'category', 'place'],
        sentAt: null,
        takenAt: null,
      });
      expect(byId(sent.cardId)).toMatchObject({ status: 'sentToInspector', missing: [], takenAt: null });
      expect(byId(sent.cardId)?.sentAt).toBe(byId(sent.cardId)?.statusSince);
      const inResponse = byId(taken.cardId);
      expect(inResponse?.status).toBe('inResponse');
      expect(Date.parse(inResponse?.takenAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(inResponse?.sentAt ?? ''),
      );
      // The clock the board reads, to the microsecond: the card's own sent and taken times.
      const onBoard = await t.call<{ card: { sentAt?: string | null; takenAt?: string | null } }>(
        'GET',
        `/api/cards/${taken.cardId}`,
        { token: await t.token('inspector') },
      );
      expect(inResponse).toMatchObject({
        sentAt: onBoard.body.card.sentAt,
        takenAt: onBoard.body.card.takenAt,
      });
      // Handed to a service, a card is no longer the centre's to watch.
      expect(byId(closed.cardId)).toBeUndefined();
    },
  );

  it.skipIf(db.skip)(
    'shows a supervisor of another territory none of it: no appeal, operator or card of Almaty',
    async () => {
      const socket = await openSocket(t.url, `token=${await t.token('operator')}`);
      const text = await postAppeal({ kind: 'text' });
      const card = aCardCreate(aFilledCard());
      const draft = aCardCreate({ description: 'черновик без места', location: null, addressText: null });
      await push([card, draft], 'operator');
      await waitFor(async () => (await view()).operators.length > 0, { timeoutMs: 10_000 });
      const almaty = await view();
      expect(almaty.waiting.map((w) => w.appealId)).toContain(text.id);
      expect(almaty.cards.map((c) => c.id)).toEqual(expect.arrayContaining([card.cardId, draft.cardId]));

      const astana = await view(astanaSupervisor);
      expect(astana.waiting.filter((w) => w.departmentId !== null)).toEqual([]);
      expect(astana.waiting.map((w) => w.appealId)).not.toContain(text.id);
      expect(astana.operators).toEqual([]);
      expect(astana.cards).toEqual([]);
      socket.close();
    },
  );
});
