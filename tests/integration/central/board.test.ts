import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../domain/cards/card';
import type { BoardDetails } from '../../../domain/dispatch/board';
import type { ReferenceCheckAnswer } from '../../../domain/dispatch/warning';
import type { SyncOperation, SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aFilledCard, aTransition, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral, testSealer } from '../../support/central/central';
import { loginAs, openSocket } from '../../support/central/client';
import { freshPostgresDatabase, postgresReachable } from '../../support/central/postgres';

const LATE_MS = 60_000;
const ESCALATE_MS = 120_000;
const PASSWORD = 'steppe eagle over the river';

/**
 * Issue 14: the senior inspector's board and the duty unit on central — §13's acknowledgement timer with its
 * escalation to the supervisor (an injected clock), §15's audited reference checks and the warnings they raise,
 * each seen only inside the card's territory (API and socket). The same on PGlite and on PostgreSQL.
 */
describe.each([
  { db: 'PGlite', pglite: true },
  ...(postgresReachable ? [{ db: 'PostgreSQL', pglite: false }] : []),
])('the board and the duty unit on $db', ({ pglite }) => {
  let t: TestCentral;
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | null = null;
  let astana: { inspector: string; duty: string; supervisor: string };

  beforeAll(async () => {
    database = pglite ? null : await freshPostgresDatabase();
    t = await startTestCentral({
      pglite,
      ...(database ? { databaseUrl: database.url } : {}),
      acknowledgement: { lateAfterMs: LATE_MS, escalateAfterMs: ESCALATE_MS },
    });
    const admin = await t.token('admin');
    const made: Record<string, string> = {};
    for (const role of ['inspector', 'duty', 'supervisor'] as const) {
      const login = `${role}.astana`;
      const created = await t.call('POST', '/api/accounts', {
        token: admin,
        body: { login, password: PASSWORD, role, departmentId: 'kz-astana', displayName: `Astana ${role}` },
      });
      expect(created.status).toBe(201);
      made[role] = await loginAs(t.call, login, PASSWORD);
    }
    astana = { inspector: made.inspector ?? '', duty: made.duty ?? '', supervisor: made.supervisor ?? '' };
  });
  afterAll(async () => {
    await t.close();
    await database?.drop();
  });

  async function push(login: string, operations: SyncOperation[]): Promise<SyncOpResult[]> {
    const r = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token(login),
      body: { operations },
    });
    expect(r.status).toBe(200);
    return r.body.results;
  }
  const card = async (id: string, token: string) =>
    (await t.call<{ card: Card }>('GET', `/api/cards/${id}`, { token })).body.card;

  /** A card the operator filled in Medeu (the duty unit's district) and sent to the senior inspector. */
  async function aSentCard(fields = aFilledCard({ location: { ...PLACES.medeu, source: 'map' } })) {
    const create = aCardCreate(fields);
    const results = await push('operator', [create, aTransition(create.cardId, 'sendToInspector')]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    return create.cardId;
  }

  it('sending fills sentAt and taking fills takenAt (§13)', async () => {
    const id = await aSentCard();
    const sent = await card(id, await t.token('inspector'));
    expect(sent.sentAt).toEqual(expect.any(String));
    expect(sent.takenAt ?? null).toBeNull();
    expect(await push('inspector', [aTransition(id, 'startResponse')])).toMatchObject([
      { status: 'applied' },
    ]);
    const taken = await card(id, await t.token('inspector'));
    expect(Date.parse(taken.takenAt ?? '')).toBeGreaterThanOrEqual(Date.parse(sent.sentAt ?? ''));
  });

  it('central tells the board its limits (configurable)', async () => {
    const r = await t.call('GET', '/api/board/settings', { token: await t.token('inspector') });
    expect(r.body).toEqual({ limits: { lateAfterMs: LATE_MS, escalateAfterMs: ESCALATE_MS } });
  });

  it('an untaken card rings its own supervisor once, after the second limit, and nobody elsewhere (§13, §16)', async () => {
    const own = await openSocket(t.url, `token=${await t.token('supervisor')}`);
    const other = await openSocket(t.url, `token=${astana.supervisor}`);
    const inspector = await openSocket(t.url, `token=${await t.token('inspector')}`);
    try {
      const id = await aSentCard();
      const sentAt = Date.parse((await card(id, await t.token('inspector'))).sentAt ?? '');
      // Late, but not yet past the second limit: nothing rings.
      expect(
        (await t.central.checkAcknowledgements(new Date(sentAt + LATE_MS + 1))).map((c) => c.cardId),
      ).not.toContain(id);
      const due = await t.central.checkAcknowledgements(new Date(sentAt + ESCALATE_MS + 1));
      expect(due.map((c) => c.cardId)).toContain(id);
      const rung = await own.next('card.escalated', (m) => m.card.cardId === id);
      expect(rung.card.departmentId).toBe('kz-almaty-medeu');
      // Once is enough: a second check (or instance) does not ring again.
      expect(
        (await t.central.checkAcknowledgements(new Date(sentAt + ESCALATE_MS + 5000))).map((c) => c.cardId),
      ).not.toContain(id);
      // Another territory's supervisor and the inspector's socket hear nothing of it: a later Astana card reaches
      // Astana's supervisor after anything sent before it.
      const inAstana = aCardCreate(aFilledCard({ location: { ...PLACES.astana, source: 'map' } }));
      const inAlmaty = aCardCreate(aFilledCard({ location: { ...PLACES.medeu, source: 'map' } }));
      await push('operator', [inAstana, inAlmaty]);
      await other.next('card.changed', (m) => m.card.id === inAstana.cardId);
      await inspector.next('card.changed', (m) => m.card.id === inAlmaty.cardId);
      expect(other.messages.some((m) => m.type === 'card.escalated')).toBe(false);
      expect(inspector.messages.some((m) => m.type === 'card.escalated')).toBe(false);
    } finally {
      own.close();
      other.close();
      inspector.close();
    }
  });

  it('a card taken in time never rings, and sending it again restarts the timer', async () => {
    const id = await aSentCard();
    await push('inspector', [aTransition(id, 'startResponse')]);
    const sentAt = Date.parse((await card(id, await t.token('inspector'))).sentAt ?? '');
    const due = await t.central.checkAcknowledgements(new Date(sentAt + ESCALATE_MS * 10));
    expect(due.map((c) => c.cardId)).not.toContain(id);
  });

  it('the duty unit checks a person: audited, recorded in the history, and a warning reaches the territory only (§15)', async () => {
    const id = await aSentCard();
    await push('inspector', [aTransition(id, 'startResponse'), aTransition(id, 'forwardToDuty')]);
    await push('duty', [aTransition(id, 'register', { kuizhNumber: 'KUI-2026-77' })]);
    const ownInspector = await openSocket(t.url, `token=${await t.token('inspector')}`);
    const otherInspector = await openSocket(t.url, `token=${astana.inspector}`);
    try {
      const duty = await t.token('duty');
      const checked = await t.call<ReferenceCheckAnswer>('POST', '/api/references/check', {
        token: duty,
        body: {
          cardId: id,
          person: { name: 'Демо Сотталған' },
          reason: 'named by the applicant as the attacker',
        },
      });
      expect(checked.status).toBe(200);
      expect(checked.body.found).toBe(2);
      expect(checked.body.warnings.map((w) => w.kind).sort()).toEqual(['conviction', 'danger']);
      // The inspector of the territory is warned at once over the socket; Astana's never.
      const warned = await ownInspector.next('card.warning', (m) => m.warning.cardId === id);
      expect(warned.warning.personName).toBe('Демо Сотталған');
      expect(otherInspector.messages.some((m) => m.type === 'card.warning')).toBe(false);

      // A clean person: audited too, no warning.
      const clean = await t.call<ReferenceCheckAnswer>('POST', '/api/references/check', {
        token: duty,
        body: { cardId: id, person: { iin: '990101300123' }, reason: 'the applicant' },
      });
      expect(clean.body).toMatchObject({ found: 0, warnings: [] });

      // The card's history names each step with who and when; the warnings are on the card.
      const details = await t.call<BoardDetails>('GET', `/api/board/cards/${id}`, {
        token: await t.token('inspector'),
      });
      expect(details.status).toBe(200);
      expect(details.body.steps.map((s) => (s.kind === 'check' ? `check:${s.found}` : s.transition))).toEqual(
        ['sendToInspector', 'startResponse', 'forwardToDuty', 'register', 'check:2', 'check:0'],
      );
      expect(details.body.steps.every((s) => typeof s.by === 'string' && s.at)).toBe(true);
      expect(details.body.warnings).toHaveLength(2);

      // Another territory: the card, its history and its warnings do not exist (API); it cannot check on it.
      for (const path of [`/api/cards/${id}`, `/api/board/cards/${id}`]) {
        const r = await t.call('GET', path, { token: astana.inspector });
        expect(r.status).toBe(404);
      }
      const foreign = await t.call('POST', '/api/references/check', {
        token: astana.duty,
        body: { cardId: id, person: { name: 'Демо Сотталған' }, reason: 'curious' },
      });
      expect(foreign.status).toBe(404);
      // Only the duty unit checks (§15).
      const byInspector = await t.call('POST', '/api/references/check', {
        token: await t.token('inspector'),
        body: { cardId: id, person: { name: 'Демо Сотталған' }, reason: 'curious' },
      });
      expect(byInspector.status).toBe(403);

      if (database) {
        const sql = new pg.Client({ connectionString: database.url });
        await sql.connect();
        try {
          const audit = await sql.query<{ n: string }>(
            `select count(*) as n from audit_log where action = 'reference.check' and subject_id = $1`,
            [id],
          );
          expect(Number(audit.rows[0]?.n)).toBe(2);
          const trail = await sql.query<{
            reason: string;
            person_name: string | null;
            person_iin: string | null;
          }>('select reason, person_name, person_iin from reference_checks where card_id = $1 order by at', [
            id,
          ]);
          // Whom was checked is kept sealed at rest, like the applicant; opened, it is the person named.
          expect(JSON.stringify(trail.rows)).not.toMatch(/Сотталған|990101300123/);
          const sealer = testSealer();
          expect(
            trail.rows.map((r) => ({
              ...r,
              person_name: sealer.openNullable(r.person_name),
              person_iin: sealer.openNullable(r.person_iin),
            })),
          ).toEqual([
            {
              reason: 'named by the applicant as the attacker',
              person_name: 'Демо Сотталған',
              person_iin: null,
            },
            { reason: 'the applicant', person_name: null, person_iin: '990101300123' },
          ]);
        } finally {
          await sql.end();
        }
      }
    } finally {
      ownInspector.close();
      otherInspector.close();
    }
  });

  it('closing records the outcome', async () => {
    const id = await aSentCard();
    await push('inspector', [aTransition(id, 'startResponse')]);
    expect(await push('inspector', [aTransition(id, 'close', { outcome: 'resolvedOnSite' })])).toMatchObject([
      { status: 'applied' },
    ]);
    expect(await card(id, await t.token('inspector'))).toMatchObject({
      status: 'closed',
      outcome: 'resolvedOnSite',
    });
  });

  it('the inspector identifies the applicant of a registered user’s appeal, audited; never of an anonymous one (§10)', async () => {
    const appeal = await t.call<{ id: string }>('POST', '/api/appeals', {
      body: {
        kind: 'text',
        channel: 'app102',
        language: 'ru',
        location: PLACES.medeu,
        anonymous: false,
        applicant: { name: 'Айгерим Сапарова', phone: '+7 701 555 0101' },
        category: 'otherOffence',
        text: 'Шум во дворе',
      },
    });
    expect(appeal.status).toBe(201);
    const id = await aSentCard(
      aFilledCard({ location: { ...PLACES.medeu, source: 'map' }, appealId: appeal.body.id }),
    );
    const r = await t.call<{ applicant: { name?: string } | null }>(
      'POST',
      `/api/board/cards/${id}/identify`,
      {
        token: await t.token('inspector'),
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.applicant?.name).toBe('Айгерим Сапарова');
    const supervisor = await t.call('POST', `/api/board/cards/${id}/identify`, {
      token: await t.token('supervisor'),
    });
    expect(supervisor.status).toBe(403);

    const anonymous = await aSentCard(
      aFilledCard({ location: { ...PLACES.medeu, source: 'map' }, anonymous: true }),
    );
    const none = await t.call('POST', `/api/board/cards/${anonymous}/identify`, {
      token: await t.token('inspector'),
    });
    expect(none.body).toEqual({ applicant: null });
  });
});
