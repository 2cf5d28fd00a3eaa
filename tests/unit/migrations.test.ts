import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from '../../main/store/migrate';
import { MIGRATIONS } from '../../main/store/migrations';
import { aTestCipher } from '../support/atRestKeys';

const latest = MIGRATIONS.at(-1)?.version ?? 0;

describe('store migrations', () => {
  it('are numbered in increasing steps', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('apply on an empty database and record the schema version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 0, to: latest });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('cards')")
      .all()
      .map((c) => c.name);
    expect(columns).toContain('location_source');
  });

  it('upgrade an old database and keep its cards', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    db.prepare(
      `INSERT INTO cards (id, local_number, status, description, category, lat, lon, created_at, updated_at)
       VALUES ('0190f0f0-0000-7000-8000-000000000001', 1, 'draft', 'old card', NULL, 43.2, 76.9, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run();
    const cipher = aTestCipher();
    expect(migrate(db, MIGRATIONS, { cipher })).toEqual({ from: 10, to: latest });
    const kept = db
      .prepare<[], { description: string; location_source: string }>(
        'SELECT description, location_source FROM cards',
      )
      .get();
    expect({ ...kept, description: cipher.open(kept?.description ?? '') }).toEqual({
      description: 'old card',
      location_source: 'typed',
    });
  });

  it('keep the departments a console already held when reference data becomes per scope (0110)', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 70),
    );
    db.prepare(
      `INSERT INTO reference_data (kind, json, fetched_at) VALUES ('departments', '[]', '2026-01-01T00:00:00.000Z')`,
    ).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT kind, scope, json, etag, fetched_at FROM reference_data').all()).toEqual([
      { kind: 'departments', scope: '', json: '[]', etag: null, fetched_at: '2026-01-01T00:00:00.000Z' },
    ]);
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT json FROM reference_data WHERE kind = 'units' AND scope = 'kz-almaty'",
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('(kind=? AND scope=?)');
  });

  it('do nothing the second time', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    expect(migrate(db, MIGRATIONS)).toEqual({ from: latest, to: latest });
  });

  it('refuse a database written by a newer console', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${latest + 10}`);
    expect(() => migrate(db, MIGRATIONS)).toThrow(DatabaseTooNewError);
  });

  it('roll back every step when one fails', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: latest + 10,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cards'").get()).toEqual({
      n: 0,
    });
  });

  it('refuse a step that leaves a reference to nothing, and roll back every step', () => {
    const db = new Database(':memory:');
    const dangling = [
      ...MIGRATIONS,
      {
        version: latest + 10,
        name: 'dangling',
        up: (d: Database.Database) =>
          d.exec(
            `INSERT INTO card_files (id, card_id, kind, size, sha256, chunk_size, created_at) VALUES ('f', 'no-such-card', 'photo', 1, 'x', 1, 'now')`,
          ),
      },
    ];
    expect(() => migrate(db, dangling)).toThrow('broken references');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keep every outbox operation when the outbox stops referring to cards, and take one with no card (0200)', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 200),
    );
    db.prepare(
      `INSERT INTO cards (id, local_number, status, description, category, lat, lon, created_at, updated_at)
       VALUES ('0190f0f0-0000-7000-8000-000000000001', 1, 'draft', 'old card', NULL, 43.2, 76.9, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO outbox (seq, id, card_id, type, payload, created_at, account) VALUES (7, 'op', '0190f0f0-0000-7000-8000-000000000001', 'card.create', '{}', 'now', 'operator')`,
    ).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT seq, id, account, state FROM outbox').all()).toEqual([
      { seq: 7, id: 'op', account: 'operator', state: 'pending' },
    ]);
    db.prepare(
      `INSERT INTO outbox (seq, id, card_id, type, payload, created_at) VALUES (8, 'claim', 'an-appeal', 'inbox.claim', '{}', 'now')`,
    ).run();
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE card_id = 'x' ORDER BY seq DESC",
      )
      .all()
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toContain('outbox_by_card');
  });

  it('find a card by id and the refused cards without reading every card', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const plan = (sql: string) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: sql.split('?').length - 1 }, () => 'x'))
        .map((row) => row.detail);
    expect(plan('SELECT * FROM cards WHERE id = ?')).toEqual([
      'SEARCH cards USING INDEX sqlite_autoindex_cards_1 (id=?)',
    ]);
    expect(plan('SELECT id, refusal FROM cards WHERE refusal IS NOT NULL')).toEqual([
      'SEARCH cards USING INDEX cards_refused (refusal>?)',
    ]);
  });

  it("keep each card's author and its refusal, in the refusal's stable shape (0130)", () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 110),
    );
    const card = (n: number, rejected: string | null) =>
      db
        .prepare(
          `INSERT INTO cards (id, local_number, status, description, category, lat, lon, created_at, updated_at, rejected_reason)
           VALUES (?, ?, 'draft', 'typed', NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`,
        )
        .run(`0190f0f0-0000-7000-8000-00000000000${n}`, n, rejected);
    const op = (n: number, cardN: number, type: string, state: string, account: string | null) =>
      db
        .prepare(
          `INSERT INTO outbox (seq, id, card_id, type, payload, created_at, state, account) VALUES (?, ?, ?, ?, '{}', 'now', ?, ?)`,
        )
        .run(n, `op-${n}`, `0190f0f0-0000-7000-8000-00000000000${cardN}`, type, state, account);
    card(1, null);
    card(2, 'the card belongs to another territory');
    card(3, null);
    op(1, 1, 'card.create', 'pending', 'operator');
    op(2, 2, 'card.create', 'pending', null);
    op(3, 2, 'card.transition', 'rejected', null);
    db.prepare(
      `INSERT INTO outbox_sent (seq, id, card_id, type, payload, created_at, account, attempts)
       VALUES (4, 'op-4', '0190f0f0-0000-7000-8000-000000000003', 'card.create', '{}', 'now', 'inspector', 1)`,
    ).run();
    migrate(db, MIGRATIONS, { cipher: aTestCipher() });
    expect(db.prepare('SELECT created_by, refusal FROM cards ORDER BY local_number').all()).toEqual([
      { created_by: 'operator', refusal: null },
      {
        created_by: null,
        refusal: JSON.stringify({
          operation: 'card.transition',
          code: 'unknown',
          params: {},
          reason: 'the card belongs to another territory',
          at: '2026-01-01T00:00:00.000Z',
        }),
      },
      { created_by: 'inspector', refusal: null },
    ]);
  });

  it("list a card's files through the card_files_card index", () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT * FROM card_files WHERE card_id = 'x' ORDER BY created_at, id",
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('card_files_card');
  });

  it('keep files attached before 0090 with a neutral name and type', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 70),
    );
    db.exec(`INSERT INTO cards (id, local_number, status, description, category, lat, lon, created_at, updated_at)
       VALUES ('0190f0f0-0000-7000-8000-000000000001', 1, 'draft', '', NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO card_files (id, card_id, kind, size, sha256, chunk_size, created_at)
       VALUES ('0190f0f0-0000-7000-8000-000000000002', '0190f0f0-0000-7000-8000-000000000001', 'photo', 10, '${'0'.repeat(64)}', 262144, '2026-01-01T00:00:00.000Z');`);
    migrate(db, MIGRATIONS, { cipher: aTestCipher() });
    expect(db.prepare('SELECT name, content_type, failure FROM card_files').get()).toEqual({
      name: '',
      content_type: 'application/octet-stream',
      failure: null,
    });
    expect(() => db.exec(`UPDATE card_files SET failure = 'lost'`)).toThrow(/CHECK/);
  });
});
