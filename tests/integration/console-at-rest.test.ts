import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Card } from '../../domain/cards/card';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboxStore } from '../../main/inbox/inboxStore';
import { atRestKeyErrorText } from '../../main/configErrorText';
import { newKeyRing } from '../../main/store/atRest';
import {
  AtRestKeyError,
  KEY_FILE_NAME,
  keyFileSource,
  ringFromText,
  ringToText,
  rotateAtRestKey,
} from '../../main/store/atRestKeys';
import { DATABASE_FILE_NAME, openDatabase } from '../../main/store/database';
import { migrate } from '../../main/store/migrate';
import { MIGRATIONS } from '../../main/store/migrations';
import { aConsoleWithoutAccounts, aViewer } from '../support/cardViewers';
import { aCentralCard, aConsoleStore } from '../support/consoleStore';
import { PLANTED, plantedIn } from '../support/personalData';
import { tempDir } from '../support/tempDir';

const applicant = { name: PLANTED.name, phone: PLANTED.phone, iin: PLANTED.iin };
const sqliteFiles = (dir: string) =>
  ['', '-wal', '-shm'].map((suffix) => join(dir, `${DATABASE_FILE_NAME}${suffix}`));
const aDraftWithApplicant = { description: PLANTED.sentence, category: null, location: null, applicant };
/** The ids of the keys that sealed a card's two columns. */
const keysOf = (sealed: { description: string; details: string | null } | undefined) => [
  sealed?.description.split('.')[1],
  sealed?.details?.split('.')[1],
];
/** A card's sealed columns as stored. */
const sealedOf = (store: ReturnType<typeof aConsoleStore>, id: string) =>
  store.db
    .prepare<[string], { description: string; details: string | null }>(
      'SELECT description, details FROM cards WHERE id = ?',
    )
    .get(id);

describe("personal data at rest in the console's SQLite (issue 11 item 12)", () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir('at-rest-');
  });
  afterEach(() => temp.remove());

  it('keeps no applicant identity or citizen words in the database, its WAL or its shared memory, and reads them back', () => {
    const store = aConsoleStore(temp.dir);
    // The operator's card, with the applicant and the citizen's words and address.
    const card = store.cards.saveDraft({
      description: PLANTED.sentence,
      category: null,
      location: null,
      anonymous: false,
      applicant,
      addressText: PLANTED.address,
    });
    // An edit merges into the unsent create; a sent one moves to outbox_sent (sealed there too).
    store.cards.saveDraft({
      id: card.id,
      description: `${PLANTED.sentence}!`,
      category: null,
      location: null,
    });
    store.outbox.setAccount(null);
    store.outbox.markSent(store.outbox.takeBatch(10));
    store.cards.saveDraft({ id: card.id, description: PLANTED.sentence, category: null, location: null });
    // Central's card answering the citizen, the chat both ways, and the inbox copy.
    const appealId = uuidv7();
    store.db.transaction(() => {
      store.cards.applyCentral(
        aCentralCard({ appealId, description: PLANTED.sentence, applicant, addressText: PLANTED.address }),
        false,
      );
    })();
    const answered = store.cards.forAppeal(aViewer(), appealId);
    store.db.transaction(() =>
      store.chat.applyCentral({
        id: uuidv7(),
        appealId,
        from: 'citizen',
        accountId: null,
        text: PLANTED.chat,
        createdAt: new Date().toISOString(),
      }),
    )();
    if (answered) store.chat.send(answered.id, `${PLANTED.chat}?`);
    createInboxStore(store.db).replace(
      'operator',
      [
        {
          appealId,
          number: 'A-2026-000001',
          kind: 'text',
          channel: 'widget',
          via: null,
          language: 'ru',
          category: null,
          text: PLANTED.sentence,
          location: null,
          addressText: PLANTED.address,
          departmentId: 'kz-almaty',
          anonymous: false,
          attachments: [],
          receivedAt: new Date().toISOString(),
          claimedBy: null,
        },
      ],
      new Date().toISOString(),
    );

    // While the console runs (WAL and shared memory present) and after it closed.
    expect(plantedIn(sqliteFiles(temp.dir))).toEqual([]);
    expect(store.cards.get(card.id)).toMatchObject({ description: PLANTED.sentence, applicant });
    expect(createInboxStore(store.db).read('operator').items[0]?.text).toBe(PLANTED.sentence);
    store.db.close();
    expect(plantedIn(sqliteFiles(temp.dir))).toEqual([]);

    const again = aConsoleStore(temp.dir);
    expect(again.cards.get(card.id)).toMatchObject({
      description: PLANTED.sentence,
      applicant,
      addressText: PLANTED.address,
    });
    const chat = answered ? again.chat.forCard(answered.id) : null;
    expect(chat?.ok && chat.messages.map((m) => m.text)).toEqual([PLANTED.chat, `${PLANTED.chat}?`]);
    again.db.close();
  });

  it('seals the rows a console stored before (migration 0190) and leaves no plain copy behind', () => {
    const file = join(temp.dir, DATABASE_FILE_NAME);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version < 190),
    );
    const at = '2026-01-01T00:00:00.000Z';
    old
      .prepare(
        `INSERT INTO cards (id, status, description, created_at, updated_at, details) VALUES (?, 'draft', ?, ?, ?, ?)`,
      )
      .run(uuidv7(), PLANTED.sentence, at, at, JSON.stringify({ applicant, addressText: PLANTED.address }));
    old.close();
    expect(plantedIn(sqliteFiles(temp.dir)).length).toBeGreaterThan(0);

    const store = aConsoleStore(temp.dir);
    expect(store.cards.list(aConsoleWithoutAccounts)[0]).toMatchObject({
      description: PLANTED.sentence,
      applicant,
    });
    store.db.close();
    expect(plantedIn(sqliteFiles(temp.dir))).toEqual([]);
  });

  it('keeps its key in a file only the user can read (0600) in host mode', () => {
    aConsoleStore(temp.dir).db.close();
    expect(statSync(join(temp.dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('still reads what the old key sealed after a new key, and seals new writes with the new one', () => {
    const first = aConsoleStore(temp.dir);
    const card = first.cards.saveDraft({ description: PLANTED.sentence, category: null, location: null });
    first.db.close();
    const ring = rotateAtRestKey(keyFileSource(temp.dir));

    const store = aConsoleStore(temp.dir);
    expect(store.cards.get(card.id)?.description).toBe(PLANTED.sentence);
    const next = store.cards.saveDraft({ description: 'после смены ключа', category: null, location: null });
    const raw = (id: string) =>
      store.db
        .prepare<[string], { description: string }>('SELECT description FROM cards WHERE id = ?')
        .get(id)?.description;
    expect(raw(next.id)?.split('.')[1]).toBe(ring.current);
    expect(raw(card.id)?.split('.')[1]).not.toBe(ring.current);
    store.db.close();
  });

  it("keeps the sealed words when central's answer changes only its number and version, and seals them again under a new key", () => {
    const first = aConsoleStore(temp.dir);
    const draft = first.cards.saveDraft(aDraftWithApplicant);
    const appealId = uuidv7();
    const atCentral = (version: number, overrides: Partial<Card> = {}): Card =>
      aCentralCard({
        ...draft,
        appealId,
        number: `ALA-2026-00000${version}`,
        departmentId: 'kz-almaty',
        version,
        updatedAt: new Date(Date.now() + version).toISOString(),
        ...overrides,
      });
    first.cards.applyCentral(atCentral(1), false);
    const written = sealedOf(first, draft.id);

    const numbered = first.cards.applyCentral(atCentral(2), false);
    expect(numbered.changed).toBe(true);
    expect(numbered.card).toMatchObject({ description: PLANTED.sentence, applicant, version: 2 });
    expect(sealedOf(first, draft.id)).toEqual(written);

    const edited = first.cards.applyCentral(atCentral(3, { description: 'Другие слова' }), false);
    expect(edited.card.description).toBe('Другие слова');
    expect(sealedOf(first, draft.id)?.description).not.toBe(written?.description);
    expect(sealedOf(first, draft.id)?.details).toBe(written?.details);
    first.db.close();

    const ring = rotateAtRestKey(keyFileSource(temp.dir));
    const store = aConsoleStore(temp.dir);
    const renumbered = store.cards.applyCentral(atCentral(4, { description: 'Другие слова' }), false);
    expect(renumbered.card).toMatchObject({ description: 'Другие слова', applicant, version: 4 });
    expect(keysOf(sealedOf(store, draft.id))).toEqual([ring.current, ring.current]);
    expect(store.cards.get(draft.id)).toMatchObject({ description: 'Другие слова', applicant });
    store.db.close();
  });

  it('seals again only the text an edit of the draft changed, and both texts once the key changed', () => {
    const first = aConsoleStore(temp.dir);
    const draft = first.cards.saveDraft(aDraftWithApplicant);
    const written = sealedOf(first, draft.id);
    first.cards.saveDraft({
      id: draft.id,
      description: `${PLANTED.sentence}!`,
      category: null,
      location: null,
    });
    const edited = sealedOf(first, draft.id);
    expect(edited?.description).not.toBe(written?.description);
    expect(edited?.details).toBe(written?.details);
    first.db.close();

    const ring = rotateAtRestKey(keyFileSource(temp.dir));
    const store = aConsoleStore(temp.dir);
    store.cards.saveDraft({ id: draft.id, description: PLANTED.sentence, category: null, location: null });
    expect(keysOf(sealedOf(store, draft.id))).toEqual([ring.current, ring.current]);
    expect(store.cards.get(draft.id)).toMatchObject({ description: PLANTED.sentence, applicant });
    store.db.close();
  });

  it("refuses to start with its key missing or wrong, says so in the user's language, and never makes a new key", () => {
    aConsoleStore(temp.dir).db.close();
    const keyFile = join(temp.dir, KEY_FILE_NAME);
    const original = readFileSync(keyFile, 'utf8');
    const ring = ringFromText(original);
    const open = () => openDatabase(join(temp.dir, DATABASE_FILE_NAME));
    const refusal = (): AtRestKeyError => {
      try {
        open().close();
      } catch (error) {
        if (error instanceof AtRestKeyError) return error;
        throw error;
      }
      throw new Error('the console opened its data with no right key');
    };

    rmSync(keyFile);
    const missing = refusal();
    expect(missing.reason).toBe('missing');
    expect(existsSync(keyFile)).toBe(false);
    expect(atRestKeyErrorText(missing, 'ru')).toContain('не найден ключ');
    expect(atRestKeyErrorText(missing, 'kk')).toContain('кілт табылмады');
    expect(atRestKeyErrorText(missing, 'en')).toContain(keyFile);
    // Another console's key: the one that sealed the data is still missing.
    writeFileSync(keyFile, ringToText(newKeyRing()), { mode: 0o600 });
    expect(refusal().reason).toBe('missing');
    // The right key id with other bytes: the key is wrong.
    if (!ring) throw new Error('the key file is not a ring');
    writeFileSync(
      keyFile,
      ringToText({ current: ring.current, keys: new Map([[ring.current, randomBytes(32)]]) }),
      { mode: 0o600 },
    );
    expect(refusal().reason).toBe('wrong');
    writeFileSync(keyFile, '{"current":', { mode: 0o600 });
    expect(refusal().reason).toBe('unreadable');
    // The right key back: everything opens.
    writeFileSync(keyFile, original, { mode: 0o600 });
    open().close();
  });
});
