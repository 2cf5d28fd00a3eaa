import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../domain/contract/realtime';
import type { Card } from '../../../domain/cards/card';
import { STAFF_ROLES, type Role, can } from '../../../domain/session/roles';
import type { SyncOpResult, SyncPullResponse } from '../../../domain/sync/sync';
import { verifyAuditChain } from '../../../central/audit/verifyChain';
import { aCardCreate, aCardUpdate, aFilledCard, anAppeal, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import { openSocket } from '../../support/central/client';
import {
  freshPostgresDatabase,
  POSTGRES_SKIP_REASON,
  postgresReachable,
} from '../../support/central/postgres';

/**
 * Every path that returns an applicant's identity, walked for every role (issue 10 item 1, issue 11 item 5):
 * a role allowed to read identities (§10, §14) sees it and an audit entry says who read what and why; any
 * other role gets the same answer without it, and no entry is written for it.
 */
const APPLICANT = { name: 'Гүлнар Ахметова', phone: '+7 701 555 0199', iin: '900101400122' };
const PLACE = { ...PLACES.medeu, source: 'map' as const };

type Path = { reason: string; subjectId: string; applicant: unknown };

describe.skipIf(!postgresReachable)(
  `every identity central shows is redacted by role and audited${postgresReachable ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    let t: TestCentral;
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    let sql: pg.Client;
    const accountIds = new Map<Role, string>();

    beforeAll(async () => {
      database = await freshPostgresDatabase();
      t = await startTestCentral({ databaseUrl: database.url });
      sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      for (const role of STAFF_ROLES) {
        const r = await t.call<{ account: { id: string } }>('POST', '/api/auth/login', {
          body: { login: role, password: role },
        });
        accountIds.set(role, r.body.account.id);
      }
    });
    afterAll(async () => {
      await sql.end();
      await t.close();
      await database.drop();
    });

    /** Whether the role's read of the subject on this path is in the audit log. */
    const audited = async (role: Role, path: Pick<Path, 'reason' | 'subjectId'>) =>
      Number(
        (
          await sql.query<{ n: string }>(
            `select count(*) as n from audit_log
             where account_id = $1 and action = 'applicant.read' and subject_id = $2 and reason = $3`,
            [accountIds.get(role), path.subjectId, path.reason],
          )
        ).rows[0]?.n,
      ) > 0;

    /** What every role is shown on every path, with an identity on its way in. */
    async function walk(role: Role): Promise<Path[]> {
      const token = await t.token(role);
      const paths: Path[] = [];
      const socket = await openSocket(t.url, `token=${encodeURIComponent(token)}`);
      await socket.next('hello');
      try {
        // An appeal with an applicant, and the card an operator makes of it (the operator's push answer).
        const receipt = await t.call<{ id: string }>('POST', '/api/appeals', {
          body: anAppeal({ location: PLACES.medeu, applicant: APPLICANT }),
        });
        const appealId = receipt.body.id;
        const create = aCardCreate(aFilledCard({ location: PLACE, applicant: APPLICANT, appealId }));
        const created = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
          token: await t.token('operator'),
          body: { operations: [create] },
        });
        expect(created.body.results[0]?.status).toBe('applied');
        const cardId = create.cardId;

        if (can(role, 'appeals.read')) {
          const m = await socket.next('appeal.new', (x) => x.appeal.id === appealId);
          paths.push({ reason: 'socket appeal.new', subjectId: appealId, applicant: m.appeal.applicant });
          const one = await t.call<{ appeal: { applicant: unknown } }>(
            'GET',
            `/api/staff/appeals/${appealId}`,
            {
              token,
            },
          );
          paths.push({
            reason: 'GET /api/staff/appeals/:id',
            subjectId: appealId,
            applicant: one.body.appeal.applicant,
          });
          const list = await t.call<{ appeals: { id: string; applicant: unknown }[] }>(
            'GET',
            '/api/staff/appeals',
            { token },
          );
          // The queue shows no identity to anyone.
          expect(list.body.appeals.find((a) => a.id === appealId)?.applicant).toBeNull();
        }
        if (can(role, 'cards.read')) {
          const m = await socket.next('card.changed', (x) => x.card.id === cardId);
          paths.push({ reason: 'socket card.changed', subjectId: cardId, applicant: m.card.applicant });
          const one = await t.call<{ card: Card }>('GET', `/api/cards/${cardId}`, { token });
          paths.push({ reason: 'GET /api/cards/:id', subjectId: cardId, applicant: one.body.card.applicant });
          const list = await t.call<{ cards: Card[] }>('GET', '/api/cards?limit=500', { token });
          paths.push({
            reason: 'GET /api/cards',
            subjectId: cardId,
            applicant: list.body.cards.find((c) => c.id === cardId)?.applicant,
          });
          const pull = await t.call<SyncPullResponse>('GET', '/api/sync/pull?limit=1000', { token });
          const entry = pull.body.changes.findLast((c) => c.entity === 'card' && c.card.id === cardId);
          paths.push({
            reason: 'GET /api/sync/pull',
            subjectId: cardId,
            applicant: entry?.entity === 'card' ? entry.card.applicant : 'missing',
          });
        }
        if (can(role, 'sync.push')) {
          // Issue 11 item 5: the push answer of a change is the card as this role may see it.
          const update = aCardUpdate(cardId, { description: `изменено: ${role}` });
          const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
            token,
            body: { operations: [update] },
          });
          const result = pushed.body.results[0];
          expect(result?.status).toBe('applied');
          paths.push({
            reason: 'POST /api/sync/push',
            subjectId: cardId,
            applicant: result?.status === 'applied' ? result.card?.applicant : 'missing',
          });
        }
      } finally {
        socket.close();
      }
      return paths;
    }

    // The vehicle systems' account opens no socket and reads nothing but its own units (units.test.ts).
    const EXPECTED_PATHS: Record<(typeof STAFF_ROLES)[number], number> = {
      operator: 7,
      inspector: 7,
      duty: 7,
      supervisor: 7,
      head: 6,
      employee: 0,
      admin: 0,
    };

    it.each(STAFF_ROLES)('%s', async (role) => {
      const paths = await walk(role);
      expect(paths.map((p) => p.reason)).toHaveLength(EXPECTED_PATHS[role]);
      for (const path of paths) {
        const readsIdentity = can(role, 'applicant.read');
        expect({ path: path.reason, applicant: path.applicant }).toEqual({
          path: path.reason,
          applicant: readsIdentity ? expect.objectContaining({ iin: APPLICANT.iin }) : null,
        });
        expect({ path: path.reason, audited: await audited(role, path) }).toEqual({
          path: path.reason,
          audited: readsIdentity,
        });
      }
    });

    it('keeps no identity in the change feed, and none the card no longer has reaches a pull (issue 11, item 5)', async () => {
      const create = aCardCreate(aFilledCard({ location: PLACE, applicant: APPLICANT }));
      const operator = await t.token('operator');
      const push = (operations: unknown[]) =>
        t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
          token: operator,
          body: { operations },
        });
      await push([create, aCardUpdate(create.cardId, { description: 'ещё' })]);
      const stored = await sql.query<{ n: string }>(
        `select count(*) as n from changes where entity_id = $1 and payload::text like $2`,
        [create.cardId, `%${APPLICANT.iin}%`],
      );
      expect(stored.rows[0]?.n).toBe('0');

      await push([aCardUpdate(create.cardId, { applicant: null })]);
      const pull = await t.call<SyncPullResponse>('GET', '/api/sync/pull?limit=1000', { token: operator });
      const entries = pull.body.changes.filter((c) => c.entity === 'card' && c.card.id === create.cardId);
      expect(entries).toHaveLength(3);
      expect(JSON.stringify(entries)).not.toContain(APPLICANT.iin);
      expect(JSON.stringify(entries)).not.toContain(APPLICANT.phone);
    });

    it('chains the entries written many at a time (a pull, a fan-out) like single ones', async () => {
      const chain = await verifyAuditChain({
        query: async <Row>(text: string, params: readonly unknown[] = []) =>
          (await sql.query(text, [...params])).rows as Row[],
        exec: async (text: string) => {
          await sql.query(text);
        },
      });
      expect(chain).toMatchObject({ ok: true });
      expect(chain.entries).toBeGreaterThan(20);
    });

    it('an identity sent over the socket is in the audit log by the time it arrives', async () => {
      const token = await t.token('operator');
      const socket = await openSocket(t.url, `token=${encodeURIComponent(token)}`);
      await socket.next('hello');
      try {
        const receipt = await t.call<{ id: string }>('POST', '/api/appeals', {
          body: anAppeal({ location: PLACES.medeu, applicant: APPLICANT }),
        });
        const m: ServerMessage = await socket.next('appeal.new', (x) => x.appeal.id === receipt.body.id);
        expect(m).toMatchObject({ appeal: { applicant: { iin: APPLICANT.iin } } });
        expect(await audited('operator', { reason: 'socket appeal.new', subjectId: receipt.body.id })).toBe(
          true,
        );
      } finally {
        socket.close();
      }
    });
  },
);
