import { statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppealReceipt, AppealStaffView } from '../../../domain/appeals/appeal';
import type { Card } from '../../../domain/cards/card';
import type { Change, SyncOperation, SyncOpResult } from '../../../domain/sync/sync';
import { DataKeyError, generateDataKeySet } from '../../../central/db/personalData';
import type { CentralOptions } from '../../../central/server';
import { aCardCreate, aChatLine, aFilledCard, anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';
import {
  freshPostgresDatabase,
  POSTGRES_SKIP_REASON,
  postgresReachable,
} from '../../support/central/postgres';
import { aJpegWithMetadata } from '../../support/photoBytes';
import { PLANTED, filesUnder, plantedIn, plantedInText } from '../../support/personalData';
import { tempDir } from '../../support/tempDir';

const applicant = { name: PLANTED.name, phone: PLANTED.phone, iin: PLANTED.iin };

/**
 * Plants the applicant and the citizen's words through the real paths: the widget's intake with a photo, the
 * citizen's chat line, a console's push of a card with the applicant and a staff chat line.
 */
async function plant(t: TestCentral): Promise<{ appealId: string; cardId: string }> {
  const receipt = (
    await t.call<AppealReceipt>('POST', '/api/appeals', {
      body: anAppeal({ channel: 'widget', applicant, text: PLANTED.sentence, addressText: PLANTED.address }),
    })
  ).body;
  const photo = await t.call(
    'POST',
    `/api/appeals/${receipt.id}/attachments?kind=photo&name=${encodeURIComponent(PLANTED.fileName)}`,
    {
      raw: aJpegWithMetadata(),
      contentType: 'image/jpeg',
      headers: { 'x-citizen-token': receipt.citizenToken },
    },
  );
  expect(photo.status).toBe(201);
  const line = await t.call('POST', `/api/appeals/${receipt.id}/messages`, {
    body: { text: PLANTED.chat },
    headers: { 'x-citizen-token': receipt.citizenToken },
  });
  expect(line.status).toBe(201);
  const create = aCardCreate(
    aFilledCard({
      appealId: receipt.id,
      description: PLANTED.sentence,
      applicant,
      anonymous: false,
      addressText: PLANTED.address,
    }),
  );
  const ops: SyncOperation[] = [create, aChatLine(create.cardId, receipt.id, `${PLANTED.chat}?`)];
  const pushed = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
    token: await t.token('operator'),
    body: { operations: ops },
  });
  expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { appealId: receipt.id, cardId: create.cardId };
}

/** What roles that may see it get back: the appeal, the card and the feed, with the identity. */
async function expectRoundTrip(t: TestCentral, planted: { appealId: string; cardId: string }) {
  const token = await t.token('operator');
  const appeal = await t.call<{ appeal: AppealStaffView }>('GET', `/api/staff/appeals/${planted.appealId}`, {
    token,
  });
  expect(appeal.body.appeal).toMatchObject({
    text: PLANTED.sentence,
    addressText: PLANTED.address,
    applicant: { name: PLANTED.name, phone: PLANTED.phone },
    attachments: [expect.objectContaining({ name: PLANTED.fileName })],
  });
  const card = await t.call<{ card: Card }>('GET', `/api/cards/${planted.cardId}`, { token });
  expect(card.body.card).toMatchObject({
    description: PLANTED.sentence,
    applicant,
    addressText: PLANTED.address,
  });
  const feed = await t.call<{ changes: Change[] }>('GET', '/api/sync/pull?since=0&limit=1000', { token });
  const lines = feed.body.changes.flatMap((c) => (c.entity === 'chat' ? [c.message.text] : []));
  expect(lines).toEqual(expect.arrayContaining([PLANTED.chat, `${PLANTED.chat}?`]));
}

/** Every text, bytea, json and jsonb column of every table, read raw (an information_schema walk). */
async function everyColumnRaw(url: string): Promise<{ where: string; text: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_schema: string; table_name: string; column_name: string }>(
      `select c.table_schema, c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
         and c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY')`,
    );
    const found: { where: string; text: string }[] = [];
    for (const c of columns.rows) {
      const id = (s: string) => pg.escapeIdentifier(s);
      const rows = await client.query<{ v: string | null }>(
        `select ${id(c.column_name)}::text as v from ${id(c.table_schema)}.${id(c.table_name)}`,
      );
      for (const r of rows.rows)
        if (r.v !== null)
          found.push({
            where: `${c.table_name}.${c.column_name}`,
            // bytea reads as hex: its bytes are searched as text too.
            text: r.v.startsWith('\\x') ? Buffer.from(r.v.slice(2), 'hex').toString('utf8') : r.v,
          });
    }
    return found;
  } finally {
    await client.end();
  }
}

describe("personal data at rest in central's database (issue 11 item 12)", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it("keeps none of it in PGlite's data files, and gives it back to the roles that may see it", async () => {
    const temp = tempDir('central-at-rest-');
    cleanups.push(() => temp.remove());
    const dataDir = join(temp.dir, 'pglite');
    const options: CentralOptions & { pglite: true } = {
      pglite: true,
      dataDir,
      dataKeyFile: join(temp.dir, 'data-keys.json'),
    };
    let t = await startTestCentral(options);
    const planted = await plant(t);
    await expectRoundTrip(t, planted);
    await t.close();
    expect(plantedIn(filesUnder(dataDir))).toEqual([]);
    expect(statSync(join(temp.dir, 'data-keys.json')).mode & 0o777).toBe(0o600);
    // Restarted with its key file: everything reads again.
    t = await startTestCentral(options);
    cleanups.push(() => t.close());
    await expectRoundTrip(t, planted);
  }, 120_000);

  it.skipIf(!postgresReachable)(
    `keeps none of it in any column of any table on PostgreSQL${postgresReachable ? '' : ` (${POSTGRES_SKIP_REASON})`}`,
    async () => {
      const database = await freshPostgresDatabase();
      cleanups.push(() => database.drop());
      const t = await startTestCentral({ databaseUrl: database.url });
      cleanups.push(() => t.close());
      const planted = await plant(t);
      await expectRoundTrip(t, planted);
      const raw = await everyColumnRaw(database.url);
      // The walk reads the stores: the appeal's id is there, in plain text.
      expect(raw.some((r) => r.text.includes(planted.appealId))).toBe(true);
      expect(plantedInText(raw)).toEqual([]);
    },
    120_000,
  );

  it('reads what the old key sealed after a new current key, and refuses to start without it', async () => {
    const temp = tempDir('central-rotation-');
    cleanups.push(() => temp.remove());
    const dataDir = join(temp.dir, 'pglite');
    const old = generateDataKeySet();
    let t = await startTestCentral({ pglite: true, dataDir, dataKeys: old });
    const planted = await plant(t);
    await t.close();

    const added = generateDataKeySet();
    const rotated = { current: added.current, keys: { ...old.keys, ...added.keys } };
    t = await startTestCentral({ pglite: true, dataDir, dataKeys: rotated });
    await expectRoundTrip(t, planted);
    const again = await plant(t);
    await t.close();

    await expect(startTestCentral({ pglite: true, dataDir, dataKeys: added })).rejects.toBeInstanceOf(
      DataKeyError,
    );
    const wrong = {
      current: Object.keys(old.keys)[0] ?? '',
      keys: { [Object.keys(old.keys)[0] ?? '']: added.keys[added.current] ?? '' },
    };
    await expect(startTestCentral({ pglite: true, dataDir, dataKeys: wrong })).rejects.toBeInstanceOf(
      DataKeyError,
    );

    t = await startTestCentral({ pglite: true, dataDir, dataKeys: rotated });
    cleanups.push(() => t.close());
    await expectRoundTrip(t, planted);
    await expectRoundTrip(t, again);
  }, 180_000);
});
