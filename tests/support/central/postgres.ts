import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URLS = ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

let adminUrl: Promise<string | null> | null = null;

/** The first admin URL that answers, or null when PostgreSQL is unreachable (then its tests skip). */
export function postgresAdminUrl(): Promise<string | null> {
  adminUrl ??= (async () => {
    for (const url of ADMIN_URLS) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.end();
        return url;
      } catch {
        await client.end().catch(() => undefined);
      }
    }
    return null;
  })();
  return adminUrl;
}

async function runAsAdmin(sql: string): Promise<void> {
  const admin = await postgresAdminUrl();
  if (!admin) throw new Error('PostgreSQL at 127.0.0.1:5432 is unreachable');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database of its own per test file, so suites run concurrently; dropped afterwards. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await postgresAdminUrl();
  if (!admin) throw new Error('PostgreSQL at 127.0.0.1:5432 is unreachable');
  const name = `central_test_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropPostgresDatabase(url.toString()) };
}

/** Drops a database `freshPostgresDatabase` made (by its URL: a test run as its own process hands it over). */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^central_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  await runAsAdmin(`drop database if exists ${name} with (force)`);
}

/** Resolved at collection time so `describe.skipIf` can name the reason. */
export const postgresReachable = (await postgresAdminUrl()) !== null;
export const POSTGRES_SKIP_REASON = 'PostgreSQL at 127.0.0.1:5432 is unreachable; its tests are skipped';
