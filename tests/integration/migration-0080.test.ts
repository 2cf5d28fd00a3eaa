import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatRepository } from '../../main/store/chat';
import { createCardRepository } from '../../main/store/cards';
import { cipherOf } from '../../main/store/atRest';
import { openDatabase } from '../../main/store/database';
import { migrate } from '../../main/store/migrate';
import { MIGRATIONS } from '../../main/store/migrations';
import { createOutbox } from '../../main/store/outbox';
import { createSyncLedger } from '../../main/store/syncLedger';
import { tempDir } from '../support/tempDir';

type Row = Record<string, unknown>;
const T = '2026-03-01T08:00:00.000Z';

/** A card row as version 70 stored it; override what the case is about. */
const aCardRow = (n: number, overrides: Row = {}): Row => ({
  id: `0190f0f0-0000-7000-8000-00000000000${n}`,
  local_number: n,
  status: 'draft',
  description: `card ${n}`,
  category: 'roadAccident',
  lat: 43.238,
  lon: 76.945,
  location_source: 'map',
  created_at: T,
  updated_at: T,
  number: null,
  department_id: null,
  version: null,
  rejected_reason: null,
  ...overrides,
});

/** An outbox row as version 70 stored it. */
const anOpRow = (seq: number, cardId: unknown, overrides: Row = {}): Row => ({
  seq,
  id: `0190f0f1-0000-7000-8000-0000000000${String(seq).padStart(2, '0')}`,
  card_id: cardId,
  type: 'card.update',
  payload: JSON.stringify({ fields: { description: `edit ${seq}` } }),
  created_at: T,
  state: 'pending',
  attempts: 0,
  last_error: null,
  account: 'operator',
  ...overrides,
});

function insertRow(db: Database.Database, table: string, row: Row): void {
  const columns = Object.keys(row);
  db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}

describe('migration 0080 (fewer pages per save)', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    temp = tempDir();
    file = join(temp.dir, 'console.sqlite');
  });
  afterEach(() => temp.remove());

  it('keeps every card and every operation of a version-70 database, in every state', () => {
    const local = aCardRow(1);
    const synced = aCardRow(2, { number: 'ALM-2026-000002', department_id: 'kz-almaty', version: 3 });
    const rejected = aCardRow(3, { rejected_reason: 'role duty may not write cards' });
    const pulled = aCardRow(4, {
      status: 'sentToInspector',
      number: 'ALM-2026-000004',
      department_id: 'kz-almaty',
      version: 1,
    });
    const shared = aCardRow(5, {
      description: 'edited by two shifts',
      location_source: null,
      lat: null,
      lon: null,
    });
    const cards = [local, synced, rejected, pulled, shared];
    const create = (seq: number, card: Row, overrides: Row = {}) =>
      anOpRow(seq, card.id, {
        type: 'card.create',
        payload: JSON.stringify({ fields: { description: card.description } }),
        ...overrides,
      });
    const ops = [
      create(1, local, { account: null }),
      create(2, synced, { state: 'sent', attempts: 1 }),
      anOpRow(3, synced.id, { state: 'inflight', attempts: 2, last_error: 'connection reset' }),
      create(4, rejected, { state: 'rejected', attempts: 1 }),
      create(5, shared, { account: 'operator2', state: 'sent', attempts: 1 }),
      anOpRow(6, shared.id, { account: 'operator2' }),
      anOpRow(7, local.id, {
        type: 'card.transition',
        payload: JSON.stringify({ transition: 'sendToInspector' }),
      }),
      // The highest seq is a sent one: the outbox must not give it again once the row has moved out.
      anOpRow(8, synced.id, { state: 'sent', attempts: 1 }),
    ];

    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 70),
    );
    old.transaction(() => {
      for (const c of cards) insertRow(old, 'cards', c);
      for (const op of ops) insertRow(old, 'outbox', op);
      insertRow(old, 'card_files', {
        id: uuidv7(),
        card_id: synced.id,
        kind: 'photo',
        size: 10,
        sha256: 'ab',
        chunk_size: 4,
        created_at: T,
      });
      insertRow(old, 'sync_meta', { key: 'cursor', value: '42' });
      insertRow(old, 'offline_accounts', {
        login: 'operator',
        verifier: '$argon2id$x',
        account: '{}',
        last_online_at: T,
      });
      insertRow(old, 'reference_data', { kind: 'departments', json: '[]', fetched_at: T });
    })();
    const untouched = ['card_files', 'sync_meta', 'offline_accounts', 'reference_data'];
    const before = Object.fromEntries(untouched.map((t) => [t, old.prepare(`SELECT * FROM ${t}`).all()]));
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Later migrations add columns (card files' names, a card's appeal…): what was there is compared.
      const columnsOf = (rows: unknown) => Object.keys((rows as Row[])[0] ?? {}).join(', ');
      // 0190 seals the citizen's words and every payload: they are compared opened.
      const cipher = cipherOf(db);
      const opened = (rows: unknown[]) =>
        (rows as Row[]).map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              (k === 'description' || k === 'payload') && typeof v === 'string' ? cipher.open(v) : v,
            ]),
          ),
        );
      for (const t of untouched)
        expect(db.prepare(`SELECT ${columnsOf(before[t])} FROM ${t}`).all()).toEqual(before[t]);
      // 0130 turns the rejection's text into the card's refusal (checked through the status below).
      const cardsKept = cards.map(({ rejected_reason: _reason, ...kept }) => kept);
      expect(
        opened(db.prepare(`SELECT ${columnsOf(cardsKept)} FROM cards ORDER BY local_number`).all()),
      ).toEqual(cardsKept);

      const unsent = ops.filter((op) => op.state !== 'sent');
      const sent = ops
        .filter((op) => op.state === 'sent')
        .map(({ state: _state, last_error: _error, ...kept }) => kept);
      // The columns the version-70 rows had; later migrations add their own (0150: retry_after).
      expect(opened(db.prepare(`SELECT ${columnsOf(unsent)} FROM outbox ORDER BY seq`).all())).toEqual(
        unsent,
      );
      expect(opened(db.prepare(`SELECT ${columnsOf(sent)} FROM outbox_sent ORDER BY seq`).all())).toEqual(
        sent,
      );

      const outbox = createOutbox(db, { now: () => new Date(), newId: uuidv7 });
      const repo = createCardRepository(db, { now: () => new Date(), newId: uuidv7, outbox });
      const chat = createChatRepository(db, { now: () => new Date(), cards: repo, outbox });
      const ledger = createSyncLedger(db, { cards: repo, outbox, chat });
      // Since 0130 each account reads central's feed from its own place; the old shared one is nobody's.
      outbox.setAccount('operator');
      expect(ledger.cursor()).toBe(0);
      expect(ledger.status()).toMatchObject({ unsent: 4 });
      expect(new Map(ledger.status().cards.map((c) => [c.cardId, c.sync]))).toEqual(
        new Map([
          [local.id, { state: 'local', transition: 'sendToInspector' }],
          [synced.id, { state: 'sending' }],
          // A refusal stored before refusals had codes keeps central's text for the log; the screen says "refused".
          [
            rejected.id,
            { state: 'rejected', reason: 'role duty may not write cards', code: 'unknown', params: {} },
          ],
          [shared.id, { state: 'local' }],
        ]),
      );
      expect(repo.get(String(pulled.id))).toMatchObject({
        number: 'ALM-2026-000004',
        status: 'sentToInspector',
        version: 1,
      });

      outbox.release('console restarted during a push');
      outbox.setAccount('operator');
      expect(outbox.takeBatch(10).map((op) => op.id)).toEqual([ops[0]?.id, ops[2]?.id, ops[6]?.id]);
      const next = repo.saveDraft({
        description: 'the first card after the upgrade',
        category: null,
        location: null,
      });
      expect(next.localNumber).toBe(6);
      expect(db.prepare('SELECT seq FROM outbox WHERE card_id = ?').get(next.id)).toEqual({ seq: 9 });
    } finally {
      db.close();
    }
  });

  it('has a draft save dirty less than half the pages it did (about 5 for a new card, 3.5 for an edit; were 10.5 and 7.7)', () => {
    const db = openDatabase(file);
    try {
      // Every dirty page is one WAL frame; with no checkpoint the WAL only grows, so its size counts them.
      db.pragma('wal_autocheckpoint = 0');
      const frames = () => (statSync(`${file}-wal`).size - 32) / (4096 + 24);
      const outbox = createOutbox(db, { now: () => new Date(), newId: uuidv7 });
      const repo = createCardRepository(db, { now: () => new Date(), newId: uuidv7, outbox });
      const draft = {
        description: 'Two cars collided at the crossroads',
        category: 'roadAccident' as const,
        location: null,
      };
      for (let i = 0; i < 100; i++) repo.saveDraft(draft);
      const start = frames();
      const created = Array.from({ length: 300 }, () => repo.saveDraft(draft));
      expect((frames() - start) / created.length).toBeLessThan(5);
      outbox.takeBatch(1000);
      const taken = frames();
      for (const card of created)
        repo.saveDraft({ ...draft, id: card.id, description: `${draft.description}, edited` });
      expect((frames() - taken) / created.length).toBeLessThan(4);
    } finally {
      db.close();
    }
  });

  it('leaves a database that refuses an operation of a card it does not have', () => {
    const db = openDatabase(file);
    try {
      expect(() => insertRow(db, 'outbox', anOpRow(1, 'no-such-card'))).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});
