import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  generateSigningKeySet,
  SigningKeyError,
  type SigningKeySet,
  signingKeySource,
} from '../../../central/session/signingKeys';
import { openPglite } from '../../../central/db/database';
import { loadMigrations, migrate } from '../../../central/db/migrate';
import { type Central, startCentral } from '../../../central/server';
import { tempDir } from '../../support/tempDir';
import { startTestCentral } from '../../support/central/central';
import { api, loginAs } from '../../support/central/client';
import { freshPostgresDatabase, postgresReachable } from '../../support/central/postgres';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function started(central: Promise<Central>): Promise<Central> {
  const c = await central;
  cleanups.push(() => c.close());
  return c;
}

/** One database across restarts: PostgreSQL when reachable (quicker to start), else PGlite on disk. */
async function keptDatabase(): Promise<{ databaseUrl: string } | { pglite: true; dataDir: string }> {
  if (!postgresReachable) return { pglite: true, dataDir: join(await dir(), 'db') };
  const db = await freshPostgresDatabase();
  cleanups.push(() => db.drop());
  return { databaseUrl: db.url };
}

async function dir(): Promise<string> {
  const d = tempDir('central-keys-');
  cleanups.push(async () => d.remove());
  return d.dir;
}

describe('the token-signing key lives outside the database (issue 11 item 8)', () => {
  it('removes the key an older central kept in the database, and creates a 0600 key file beside PGlite', async () => {
    const dataDir = join(await dir(), 'db');
    const old = await openPglite(dataDir);
    await migrate(
      old,
      loadMigrations().filter((m) => m.version <= 70),
    );
    await old.query(
      `insert into settings (key, value) values ('jwt_secret', 'b2xkLWtleS1pbi10aGUtZGF0YWJhc2U=')`,
    );
    await old.close();

    const central = await startCentral({ port: 0, demo: true, dataDir });
    const token = await loginAs(api(central.url), 'operator');
    await central.close();

    const file = `${dataDir}.signing-keys.json`;
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(await readFile(file, 'utf8')) as SigningKeySet;
    expect(decodeProtectedHeader(token).kid).toBe(keys.current);
    const db = await openPglite(dataDir);
    cleanups.push(() => db.close());
    expect(await db.query(`select key from settings`)).toEqual([]);
  }, 90_000);

  it('rotates without signing anyone out: a token of the previous key still works, then the key is retired', async () => {
    const first = generateSigningKeySet();
    const second = generateSigningKeySet();
    const database = await keptDatabase();
    const before = await startTestCentral({ ...database, signingKeys: first });
    const oldToken = await before.token('operator');
    await before.close();

    const rotated = await startTestCentral({
      ...database,
      signingKeys: { current: second.current, keys: { ...first.keys, ...second.keys } },
    });
    cleanups.push(() => rotated.close());
    expect((await rotated.call('GET', '/api/departments', { token: oldToken })).status).toBe(200);
    const newToken = await loginAs(rotated.call, 'operator');
    expect(decodeProtectedHeader(newToken).kid).toBe(second.current);
    await rotated.close();
    cleanups.pop();

    const retired = await startTestCentral({ ...database, signingKeys: second });
    cleanups.push(() => retired.close());
    expect((await retired.call('GET', '/api/departments', { token: oldToken })).status).toBe(401);
    expect((await retired.call('GET', '/api/departments', { token: newToken })).status).toBe(200);
  }, 90_000);

  it('refuses a key file that others can read, and PostgreSQL without a configured key', async () => {
    const file = join(await dir(), 'keys.json');
    await writeFile(file, JSON.stringify(generateSigningKeySet()));
    await chmod(file, 0o644);
    await expect(startCentral({ port: 0, signingKeyFile: file })).rejects.toBeInstanceOf(SigningKeyError);
    expect(() => signingKeySource({ databaseUrl: 'postgres://x/central' })).toThrow(SigningKeyError);
    expect(signingKeySource({ dataDir: '/srv/central/db' })).toEqual({
      kind: 'file',
      path: '/srv/central/db.signing-keys.json',
    });
    await started(startCentral({ port: 0, signingKeyFile: join(await dir(), 'new.json') }));
  });
});
