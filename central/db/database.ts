import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Sealer } from './personalData';

/**
 * The sealer every query surface of one database shares: a stable front whose keys are given once at start
 * (`useSealer`), after they were checked against the database.
 */
function sealerHolder(): { front: Sealer; set(sealer: Sealer): void } {
  let current: Sealer | null = null;
  const get = (): Sealer => {
    if (!current) throw new Error('personal data was read or written before the data keys were loaded');
    return current;
  };
  return {
    set: (sealer) => {
      current = sealer;
    },
    front: {
      get currentKeyId() {
        return get().currentKeyId;
      },
      hasKey: (id) => get().hasKey(id),
      seal: (text) => get().seal(text),
      open: (sealed) => get().open(sealed),
      sealNullable: (text) => get().sealNullable(text),
      openNullable: (sealed) => get().openNullable(sealed),
      sealJson: (value) => get().sealJson(value),
      openJson: (sealed) => get().openJson(sealed),
    },
  };
}

/** The one query surface repositories use; the same SQL runs on PGlite and on PostgreSQL. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Seals and opens personal data (central/db/personalData.ts): repositories store it only sealed. */
  readonly sealed: Sealer;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** The personal-data keys, given once at start after they were checked against the database. */
  useSealer(sealer: Sealer): void;
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; resolves to an unsubscribe. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * PGlite runs initdb on every fresh start (seconds, far more on a busy machine), and tests and benches
 * start many. The first fresh start on a machine saves an image of the empty cluster in the temp folder
 * (keyed by the PGlite build); later fresh starts, in memory or in a new data folder, load it instead.
 */
let emptyCluster: Promise<Blob> | null = null;

function emptyClusterImage(): Promise<Blob> {
  emptyCluster ??= (async () => {
    const pglite = statSync(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const file = join(tmpdir(), `central-pglite-empty-${pglite.size}-${Math.round(pglite.mtimeMs)}.tar`);
    if (existsSync(file)) return new Blob([await readFile(file)]);
    const template = new PGlite();
    await template.waitReady;
    const image = await template.dumpDataDir('none');
    await template.close();
    // Written aside and renamed, so a concurrent start never reads half a file.
    const partial = `${file}.${process.pid}.${Date.now()}`;
    await writeFile(partial, Buffer.from(await image.arrayBuffer()));
    await rename(partial, file);
    return image;
  })();
  return emptyCluster;
}

function isFresh(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

export async function openPglite(dataDir?: string): Promise<Database> {
  const db =
    dataDir === undefined
      ? new PGlite({ loadDataDir: await emptyClusterImage() })
      : isFresh(dataDir)
        ? new PGlite(mkdirSync(dataDir, { recursive: true }) ?? dataDir, {
            loadDataDir: await emptyClusterImage(),
          })
        : new PGlite(dataDir);
  await db.waitReady;
  const sealer = sealerHolder();
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await q.query<Row>(text, [...params])).rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
    sealed: sealer.front,
  });
  return {
    kind: 'pglite',
    useSealer: sealer.set,
    ...wrap(db),
    // PGlite is one connection: its transaction() holds a lock, so concurrent transactions queue up.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return unlisten;
    },
    close: () => db.close(),
  };
}

export async function openPostgres(connectionString: string): Promise<Database> {
  // Timestamps come back as strings and int8 as strings; mappers at the edge turn them into ISO and numbers.
  const pool = new pg.Pool({ connectionString, max: 20 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const sealer = sealerHolder();
  const wrap = (c: pg.Pool | pg.PoolClient): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await c.query(text, [...params])).rows as Row[];
    },
    async exec(text: string) {
      await c.query(text);
    },
    sealed: sealer.front,
  });
  await pool.query('select 1');
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    useSealer: sealer.set,
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      // LISTEN needs its own long-lived connection, outside the pool.
      const client = new pg.Client({ connectionString });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

/** PGlite when no DATABASE_URL is given (zero setup), PostgreSQL otherwise. */
export function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
