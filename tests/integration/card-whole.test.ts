import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central/server';
import { tempDir } from '../support/tempDir';
import { freshPostgresDatabase } from '../support/central/postgres';
import { aSyncingConsole, centralFeed, demoToken } from '../support/sync/testConsole';

const ALMATY = { lat: 43.238, lon: 76.945, source: 'device' } as const;
/** Words typed into identity fields of an anonymous card: none may be stored anywhere. */
const SECRET_NAME = 'Zhanargulsecretova';
const SECRET_PHONE = '+7 777 424 24 24';
const SECRET_IIN = '850715300122';

/** Every row of every table of central's database as text: what a scan for personal data reads. */
async function centralTablesText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_schema: string; table_name: string }>(
      `select table_schema, table_name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const t of tables.rows) {
      const rows = await client.query<{ row: string }>(
        `select t::text as row from "${t.table_schema}"."${t.table_name}" t`,
      );
      parts.push(...rows.rows.map((r) => r.row));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/** The console's SQLite files byte for byte (database, WAL, journal), as a disk scan would read them. */
const consoleFilesText = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.startsWith('console.sqlite'))
    .map(
      (name) =>
        readFileSync(join(dir, name)).toString('latin1') + readFileSync(join(dir, name)).toString('utf8'),
    )
    .join('\n');

describe('the whole §9 card, console SQLite to central PostgreSQL', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  /** A signed-in operator's console on a real SQLite file, syncing with central on its own PostgreSQL database. */
  async function anOperatorWithCentral() {
    const temp = tempDir();
    cleanups.push(() => temp.remove());
    const database = await freshPostgresDatabase();
    cleanups.push(() => database.drop());
    const central = await startCentral({ port: 0, demo: true, databaseUrl: database.url });
    cleanups.push(() => central.close());
    const desk = aSyncingConsole(temp.dir, central.url);
    cleanups.push(() => desk.close());
    expect((await desk.sync.session.signIn({ login: 'operator', password: 'operator' })).ok).toBe(true);
    return { temp, database, central, desk };
  }

  it('keeps every field through the outbox, central and the change feed, ', async () => {
    const { central, desk } = await anOperatorWithCentral();

    const draft = desk.cards.saveDraft({
      description: 'Fight at the market',
      category: 'otherOffence',
      location: ALMATY,
    });
    const whole = desk.cards.saveDraft({
      id: draft.id,
      description: 'Fight at the market',
      category: 'otherOffence',
      location: ALMATY,
      subcategory: 'fight',
      urgent: true,
      applicant: { name: 'Айгүл Сапарова', phone: '+7 701 555 12 34', iin: SECRET_IIN },
      anonymous: false,
      language: 'kk',
      addressText: 'Абай даңғылы, 10',
      peopleCount: 2,
      peopleFeatures: 'red jacket',
      vehicleList: [{ plate: '123 ABC 02', colour: 'white', make: 'Toyota Camry' }],
      vehicles: 'a bus nearby',
      buildings: 'the market',
      chosenDepartmentId: null,
    });
    expect(desk.cards.get(whole.id)).toMatchObject({ subcategory: 'fight', peopleCount: 2, language: 'kk' });
    desk.sync.syncNow();
    await desk.sync.engine.idle();
    expect(desk.ledger.status().unsent).toBe(0);

    const atCentral = (await centralFeed(central.url, 'operator'))
      .flatMap((c) => (c.entity === 'card' && c.card.id === whole.id ? [c.card] : []))
      .at(-1);
    expect(atCentral).toMatchObject({
      subcategory: 'fight',
      applicant: { name: 'Айгүл Сапарова', phone: '+7 701 555 12 34', iin: SECRET_IIN },
      language: 'kk',
      addressText: 'Абай даңғылы, 10',
      peopleCount: 2,
      peopleFeatures: 'red jacket',
      vehicleList: [{ plate: '123 ABC 02', colour: 'white', make: 'Toyota Camry' }],
      vehicles: 'a bus nearby',
      buildings: 'the market',
      location: ALMATY,
    });
  }, 60_000);

  it('stores no identity of an anonymous card: neither the console SQLite file nor any central table', async () => {
    const { temp, database, central, desk } = await anOperatorWithCentral();

    // Even a caller that hands the store an applicant with an anonymous card gets none stored or sent.
    const card = desk.cards.saveDraft({
      description: 'Someone is shouting next door',
      category: 'domesticViolence',
      location: ALMATY,
      anonymous: true,
      applicant: { name: SECRET_NAME, phone: SECRET_PHONE, iin: SECRET_IIN },
    });
    expect(card.applicant).toBeNull();
    desk.cards.transition(card.id, { transition: 'sendToInspector' });
    desk.sync.syncNow();
    await desk.sync.engine.idle();
    expect(desk.ledger.status().unsent).toBe(0);

    // And central drops it too when an operation carries one (a console of another version).
    const token = await demoToken(central.url, 'operator');
    const pushed = await fetch(`${central.url}/api/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({
        operations: [
          {
            id: '0190f0f0-0000-7000-8000-0000000000a1',
            cardId: '0190f0f0-0000-7000-8000-0000000000b1',
            createdAt: new Date().toISOString(),
            type: 'card.create',
            payload: {
              fields: {
                description: 'anonymous from another console',
                anonymous: true,
                applicant: { name: SECRET_NAME, phone: SECRET_PHONE, iin: SECRET_IIN },
              },
            },
          },
        ],
      }),
    });
    expect(((await pushed.json()) as { results: { status: string }[] }).results[0]?.status).toBe('applied');

    desk.db.pragma('wal_checkpoint(TRUNCATE)');
    const consoleText = consoleFilesText(temp.dir);
    const centralText = await centralTablesText(database.url);
    // The scans read the stores (the card's id is there); its words are sealed at rest (issue 11 item 12).
    expect(consoleText).toContain(card.id);
    expect(centralText).toContain('0190f0f0-0000-7000-8000-0000000000b1');
    for (const secret of [SECRET_NAME, SECRET_PHONE, SECRET_IIN]) {
      expect(consoleText).not.toContain(secret);
      expect(centralText).not.toContain(secret);
    }
  }, 60_000);
});
