import type Database from 'better-sqlite3';
import {
  CARD_DETAIL_KEYS,
  type Card,
  type CardDetails,
  CardDetailsSchema,
  type CardDraftInput,
  type CardFields,
  type CardId,
  type Channel,
  CardStatusSchema,
  TypedCoordinatesSchema,
  withoutIdentity,
} from '../../domain/cards/card';
import { type CardRefusal, type CardRefusalAnswer, CardRefusalSchema } from '../../domain/cards/cardRefusal';
import { type CardViewer, cardVisibleTo } from '../../domain/cards/cardVisibility';
import { CardCategorySchema } from '../../domain/cards/category';
import { CardOutcomeSchema } from '../../domain/cards/outcome';
import { LocationSourceSchema } from '../../domain/places/geo';
import type { TransitionInput } from '../../domain/cards/workflow';
import { type FieldCipher, cipherOf } from './atRest';
import type { ChangeNotifier } from './changeNotifier';
import type { Outbox } from './outbox';

interface CardRow {
  id: string;
  local_number: number;
  status: string;
  description: string;
  category: string | null;
  lat: number | null;
  lon: number | null;
  location_source: string | null;
  created_at: string;
  updated_at: string;
  number: string | null;
  department_id: string | null;
  version: number | null;
  appeal_id: string | null;
  typed_coordinates: string | null;
  created_by: string | null;
  refusal: string | null;
  details: string | null;
  kuizh_number: string | null;
  sent_at: string | null;
  taken_at: string | null;
  outcome: string | null;
}

/** What central decides of a card, as columns. */
interface CentralColumns {
  id: string;
  number: string | null;
  departmentId: string | null;
  status: string;
  version: number | null;
  appealId: string | null;
  now: string;
  /** The board's facts (§13–15): КІҚЖ number, when sent and taken, the outcome. */
  kuizhNumber: string | null;
  sentAt: string | null;
  takenAt: string | null;
  outcome: string | null;
}

/** The draft fields, as columns. */
interface FieldColumns {
  description: string;
  category: string | null;
  lat: number | null;
  lon: number | null;
  locationSource: string | null;
  /** The card's other fields as JSON (migration 0160), NULL when it has none. */
  details: string | null;
}

/** `row` as read back with its sealed columns opened (description and details hold the citizen's words and identity). */
const sameAsCentral = (row: CardRow, central: CentralColumns, fields: FieldColumns): boolean =>
  row.number === central.number &&
  row.department_id === central.departmentId &&
  row.status === central.status &&
  row.version === central.version &&
  row.appeal_id === central.appealId &&
  row.updated_at === central.now &&
  row.kuizh_number === central.kuizhNumber &&
  row.sent_at === central.sentAt &&
  row.taken_at === central.takenAt &&
  row.outcome === central.outcome &&
  row.description === fields.description &&
  row.category === fields.category &&
  row.lat === fields.lat &&
  row.lon === fields.lon &&
  row.location_source === fields.locationSource &&
  row.details === fields.details;

export class CardNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`card ${id} does not exist`);
  }
}

/**
 * A card's columns as one statement's named parameters, written out as a single object literal. Built instead by
 * spreading the field columns and adding central's after them, V8 gave the object a new hidden class on every
 * save (each added key missed its inline cache and copied the map): a third of a draft save's instructions.
 */
const cardParameters = (
  central: CentralColumns,
  fields: FieldColumns,
  created: { at: string; by: string | null },
) => ({
  id: central.id,
  status: central.status,
  number: central.number,
  departmentId: central.departmentId,
  version: central.version,
  appealId: central.appealId,
  now: central.now,
  kuizhNumber: central.kuizhNumber,
  sentAt: central.sentAt,
  takenAt: central.takenAt,
  outcome: central.outcome,
  description: fields.description,
  category: fields.category,
  lat: fields.lat,
  lon: fields.lon,
  locationSource: fields.locationSource,
  details: fields.details,
  createdAt: created.at,
  createdBy: created.by,
});

/** The row with its sealed columns opened. */
const openRow = (cipher: FieldCipher, row: CardRow): CardRow => ({
  ...row,
  description: cipher.open(row.description),
  details: cipher.openNullable(row.details),
});

/** The database is a boundary too: a value this console never wrote is refused here, not deep in the UI. */
function rowToCard(row: CardRow): Card {
  const location =
    row.lat === null || row.lon === null
      ? null
      : { lat: row.lat, lon: row.lon, source: LocationSourceSchema.parse(row.location_source ?? 'typed') };
  return {
    id: row.id,
    localNumber: row.local_number,
    status: CardStatusSchema.parse(row.status),
    description: row.description,
    category: row.category === null ? null : CardCategorySchema.parse(row.category),
    location,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    number: row.number,
    departmentId: row.department_id,
    ...(row.version === null ? {} : { version: row.version }),
    ...(row.appeal_id === null ? {} : { appealId: row.appeal_id }),
    ...(row.typed_coordinates === null
      ? {}
      : { typedCoordinates: TypedCoordinatesSchema.parse(JSON.parse(row.typed_coordinates)) }),
    ...(row.refusal === null ? {} : { refusal: CardRefusalSchema.parse(JSON.parse(row.refusal)) }),
    ...(row.details === null ? {} : CardDetailsSchema.parse(JSON.parse(row.details))),
    ...(row.kuizh_number === null ? {} : { kuizhNumber: row.kuizh_number }),
    ...(row.sent_at === null ? {} : { sentAt: row.sent_at }),
    ...(row.taken_at === null ? {} : { takenAt: row.taken_at }),
    ...(row.outcome === null ? {} : { outcome: CardOutcomeSchema.parse(row.outcome) }),
  };
}

/** Who may see the stored card: the same rule as central's (domain/cards/cardVisibility.ts). */
const visibleTo = (viewer: CardViewer, row: CardRow): boolean =>
  cardVisibleTo(viewer, {
    departmentId: row.department_id,
    createdBy: row.created_by,
    atCentral: row.version !== null,
  });

/** The draft fields this console edits, as the protocol names them. */
type DraftFields = Pick<CardFields, 'description' | 'category' | 'location'> & CardDetails;
/** The card's details that are set; an anonymous card's applicant never among them. */
const detailsOf = (c: CardDetails): CardDetails =>
  withoutIdentity(
    Object.fromEntries(CARD_DETAIL_KEYS.flatMap((key) => (c[key] === undefined ? [] : [[key, c[key]]]))),
  );
const draftFields = (c: Pick<Card, 'description' | 'category' | 'location'> & CardDetails): DraftFields => ({
  description: c.description,
  category: c.category,
  location: c.location,
  ...detailsOf(c),
});
/** The draft fields in the shape a read gives them back (a location is exactly lat, lon and source). */
const storedFields = (input: CardDraftInput): DraftFields => ({
  ...draftFields(input),
  location: input.location && {
    lat: input.location.lat,
    lon: input.location.lon,
    source: input.location.source,
  },
});
/** A draft names the details it has; the ones it leaves out keep their stored values. */
const mergedFields = (before: DraftFields, input: DraftFields): DraftFields =>
  draftFields({ ...before, ...input });
const changedFields = (before: DraftFields, after: DraftFields): Partial<DraftFields> => {
  const changed: Partial<DraftFields> = {};
  if (before.description !== after.description) changed.description = after.description;
  if (before.category !== after.category) changed.category = after.category;
  if (JSON.stringify(before.location) !== JSON.stringify(after.location)) changed.location = after.location;
  for (const key of CARD_DETAIL_KEYS)
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      Object.assign(changed, { [key]: after[key] ?? null });
  return changed;
};

export interface CardRepository {
  /** Saves the draft and its operation (`card.create` the first time, then the changed fields) in one transaction. */
  saveDraft(input: CardDraftInput): Card;
  /** A new card answering a citizen's call (§9 step 3): linked to the appeal, its channel sent to central. */
  createForAppeal(input: CardDraftInput, link: { appealId: string; channel: Channel }): Card;
  /** The card answering this appeal that `viewer` may see, if one exists here. */
  forAppeal(viewer: CardViewer, appealId: string): Card | undefined;
  /** A workflow step (send…) as an operation; the status changes when central's answer comes, since central decides. */
  transition(id: CardId, input: TransitionInput): Card;
  /** Any stored card, whoever may see it (sync and the store itself); the screen asks `visible`. */
  get(id: CardId): Card | undefined;
  /** The card if `viewer` may see it (the signed-in account, by role and territory). */
  visible(viewer: CardViewer, id: CardId): Card | undefined;
  /** The cards `viewer` may see, newest first. */
  list(viewer: CardViewer): Card[];
  /** Whether `viewer` may see a card answering this appeal (and so its chat with the citizen). */
  seesAppeal(viewer: CardViewer, appealId: string): boolean;
  /**
   * Takes central's card: number, department and version always; fields and status unless local changes are
   * unsent. `changed` is false when the card was already so. Runs in the caller's transaction.
   */
  applyCentral(card: Card, hasUnsent: boolean): { card: Card; changed: boolean };
  /**
   * Central moved the card to another department at `version` (a `cardMoved` of the feed): the copy held here
   * takes only its new department, so the accounts that may no longer see it do not. Nothing else of it changes;
   * a copy already at that version or newer, or one central never had, stays as it is. Runs in the caller's
   * transaction; answers the card when it moved.
   */
  applyMove(id: CardId, departmentId: string | null, version: number): Card | undefined;
  /**
   * Central refused an operation of this card: the card says what and why. A refused creation stays the
   * card's refusal (every later operation of a card central never had is refused too, for that reason).
   * Runs in the caller's transaction.
   */
  markRefused(id: CardId, refusal: CardRefusalAnswer): void;
  /** Central accepted a later change of the card: its refusal no longer stands. */
  clearRefusal(id: CardId): void;
  refused(): { id: CardId; refusal: CardRefusal }[];
  /** The card's refusal, if it has one: read alone, without opening the card's sealed fields. */
  refusalOf(id: CardId): CardRefusal | undefined;
}

export function createCardRepository(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string; outbox: Outbox; changes?: ChangeNotifier },
): CardRepository {
  const cipher = cipherOf(db);
  const open = (row: CardRow): CardRow => openRow(cipher, row);
  const toCard = (row: CardRow): Card => rowToCard(open(row));
  /** The columns as stored: the description and details sealed. */
  const sealed = <C extends FieldColumns>(c: C): C => ({
    ...c,
    description: cipher.seal(c.description),
    details: cipher.sealNullable(c.details),
  });
  /**
   * The columns to store over `stored`: a sealed column whose text is unchanged keeps its sealed value when the
   * current key sealed it (central's answer to a push mostly changes the number and version, not the words),
   * so only changed text is sealed again; text under an older key is sealed again with the current one.
   */
  const keep = (sealedValue: string | null, openedValue: string | null, text: string | null) =>
    openedValue === text && (sealedValue === null || cipher.sealedByCurrentKey(sealedValue));
  const resealed = <C extends FieldColumns>(stored: CardRow, opened: CardRow, c: C): C => ({
    ...c,
    description: keep(stored.description, opened.description, c.description)
      ? stored.description
      : cipher.seal(c.description),
    details: keep(stored.details, opened.details, c.details)
      ? stored.details
      : cipher.sealNullable(c.details),
  });
  const selectOne = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?');
  const selectAll = db.prepare<[], CardRow>(
    'SELECT * FROM cards ORDER BY updated_at DESC, local_number DESC',
  );
  const selectByAppeal = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE appeal_id = ?');
  // local_number is the rowid, so SQLite gives a new card the next one: the highest plus one.
  const insert = db.prepare(
    `INSERT INTO cards (id, status, description, category, lat, lon, location_source, created_at, updated_at,
       number, department_id, version, appeal_id, created_by, details, kuizh_number, sent_at, taken_at, outcome)
     VALUES (@id, @status, @description, @category, @lat, @lon, @locationSource, @createdAt, @now,
       @number, @departmentId, @version, @appealId, @createdBy, @details, @kuizhNumber, @sentAt, @takenAt, @outcome)`,
  );
  const updateFields = db.prepare(
    `UPDATE cards SET description = @description, category = @category, lat = @lat, lon = @lon,
       location_source = @locationSource, details = @details, updated_at = @now
     WHERE id = @id`,
  );
  // The appeal a card answers is central's to say (it links the citizen's chat to the card).
  const updateCentral = db.prepare<CentralColumns, CardRow>(
    `UPDATE cards SET number = @number, department_id = @departmentId, version = @version, appeal_id = @appealId,
       kuizh_number = @kuizhNumber, sent_at = @sentAt, taken_at = @takenAt, outcome = @outcome,
       updated_at = @now
     WHERE id = @id RETURNING *`,
  );
  const move = db.prepare<[string | null, string, number], CardRow>(
    `UPDATE cards SET department_id = ? WHERE id = ? AND version IS NOT NULL AND version < ? RETURNING *`,
  );
  const updateAll = db.prepare<CentralColumns & FieldColumns, CardRow>(
    `UPDATE cards SET number = @number, department_id = @departmentId, version = @version, appeal_id = @appealId,
       kuizh_number = @kuizhNumber, sent_at = @sentAt, taken_at = @takenAt, outcome = @outcome,
       status = @status, description = @description, category = @category, lat = @lat, lon = @lon,
       location_source = @locationSource, details = @details, updated_at = @now
     WHERE id = @id RETURNING *`,
  );
  const setTyped = db.prepare('UPDATE cards SET typed_coordinates = ?, updated_at = ? WHERE id = ?');
  // A refused creation is the card's whole story: the refusals of its later operations ("no such card") follow from it.
  const setRefusal = db.prepare(
    `UPDATE cards SET refusal = @refusal
     WHERE id = @id AND (refusal IS NULL OR json_extract(refusal, '$.operation') <> 'card.create')`,
  );
  const unsetRefusal = db.prepare('UPDATE cards SET refusal = NULL WHERE id = ?');
  const selectRefused = db.prepare<[], { id: string; refusal: string }>(
    'SELECT id, refusal FROM cards WHERE refusal IS NOT NULL',
  );
  const selectRefusal = db.prepare<[string], { refusal: string | null }>(
    'SELECT refusal FROM cards WHERE id = ?',
  );

  const columns = (f: DraftFields): FieldColumns => {
    const details = detailsOf(f);
    return {
      description: f.description,
      category: f.category,
      lat: f.location?.lat ?? null,
      lon: f.location?.lon ?? null,
      locationSource: f.location?.source ?? null,
      details: Object.keys(details).length === 0 ? null : JSON.stringify(details),
    };
  };
  const mustGet = (id: string): Card => {
    const row = selectOne.get(id);
    if (!row) throw new CardNotFoundError(id);
    return toCard(row);
  };

  // A save answers with the card as written rather than reading it back: the commit is the save's cost, not a second query.
  // Coordinates that are not a valid place are kept as typed, here only; central's copy keeps the last valid place.
  const saveDraft = db.transaction(
    (input: CardDraftInput, link?: { appealId: string; channel: Channel }): Card => {
      const now = deps.now().toISOString();
      const typed = input.typedCoordinates ?? null;
      const typedColumn = typed === null ? null : JSON.stringify(typed);
      const withTyped = (card: Card): Card => {
        const { typedCoordinates: _replaced, ...rest } = card;
        return typed === null ? rest : { ...rest, typedCoordinates: typed };
      };
      if (input.id === undefined) {
        const id = deps.newId();
        const fields = storedFields(input);
        const draft: CentralColumns = {
          id,
          number: null,
          departmentId: null,
          status: 'draft',
          version: null,
          appealId: link?.appealId ?? null,
          now,
          kuizhNumber: null,
          sentAt: null,
          takenAt: null,
          outcome: null,
        };
        const { lastInsertRowid } = insert.run(
          cardParameters(draft, sealed(columns(fields)), { at: now, by: deps.outbox.account() }),
        );
        if (typedColumn !== null) setTyped.run(typedColumn, now, id);
        deps.outbox.append({ type: 'card.create', cardId: id, payload: { fields: { ...fields, ...link } } });
        const localNumber = Number(lastInsertRowid);
        return withTyped({
          id,
          localNumber,
          status: 'draft',
          ...fields,
          createdAt: now,
          updatedAt: now,
          number: null,
          departmentId: null,
          ...(link ? { appealId: link.appealId } : {}),
        });
      }
      const stored = selectOne.get(input.id);
      if (!stored) throw new CardNotFoundError(input.id);
      const opened = open(stored);
      const before = rowToCard(opened);
      const fields = mergedFields(
        draftFields(before),
        storedFields(typed === null ? input : { ...input, location: before.location }),
      );
      const changed = changedFields(draftFields(before), fields);
      const typedChanged = JSON.stringify(before.typedCoordinates ?? null) !== JSON.stringify(typed);
      if (Object.keys(changed).length === 0 && !typedChanged) return before;
      if (typedChanged) setTyped.run(typedColumn, now, input.id);
      if (Object.keys(changed).length === 0) {
        // Typed coordinates are this console's own: nothing goes to central, but the windows show them.
        deps.changes?.announce({ kind: 'card', cardId: input.id });
        return withTyped({ ...before, updatedAt: now });
      }
      // An autosave mostly changes one of the sealed texts: the other keeps its sealed value, not sealed again.
      const written = resealed(stored, opened, columns(fields));
      updateFields.run({
        id: input.id,
        now,
        description: written.description,
        category: written.category,
        lat: written.lat,
        lon: written.lon,
        locationSource: written.locationSource,
        details: written.details,
      });
      deps.outbox.append({ type: 'card.update', cardId: input.id, payload: { fields: changed } });
      return withTyped({ ...before, ...fields, updatedAt: now });
    },
  );

  const transition = db.transaction((id: string, input: TransitionInput): Card => {
    const card = mustGet(id);
    deps.outbox.append({ type: 'card.transition', cardId: id, payload: input });
    return card;
  });

  return {
    saveDraft: (input) => saveDraft.immediate(input),
    createForAppeal: (input, link) => saveDraft.immediate(input, link),
    forAppeal: (viewer, appealId) => {
      const row = selectByAppeal.all(appealId).find((r) => visibleTo(viewer, r));
      return row ? toCard(row) : undefined;
    },
    transition: (id, input) => transition.immediate(id, input),
    get: (id) => {
      const row = selectOne.get(id);
      return row ? toCard(row) : undefined;
    },
    visible: (viewer, id) => {
      const row = selectOne.get(id);
      return row && visibleTo(viewer, row) ? toCard(row) : undefined;
    },
    list: (viewer) => selectAll.all().flatMap((row) => (visibleTo(viewer, row) ? [toCard(row)] : [])),
    seesAppeal: (viewer, appealId) => selectByAppeal.all(appealId).some((row) => visibleTo(viewer, row)),
    applyCentral(card, hasUnsent) {
      const central: CentralColumns = {
        id: card.id,
        number: card.number ?? null,
        departmentId: card.departmentId ?? null,
        status: card.status,
        version: card.version ?? null,
        appealId: card.appealId ?? null,
        now: card.updatedAt,
        kuizhNumber: card.kuizhNumber ?? null,
        sentAt: card.sentAt ?? null,
        takenAt: card.takenAt ?? null,
        outcome: card.outcome ?? null,
      };
      const stored = selectOne.get(card.id);
      if (!stored) {
        // Central's card, not one written here: who may see it is decided by its department.
        insert.run(
          cardParameters(central, sealed(columns(draftFields(card))), { at: card.createdAt, by: null }),
        );
        return { card: mustGet(card.id), changed: true };
      }
      // Each account reads central's feed from its own place: the next one may be handed an older version of a
      // card the last one already holds (it was in that account's scope then). An older version never wins.
      if (stored.version !== null && card.version !== undefined && card.version < stored.version)
        return { card: toCard(stored), changed: false };
      // Unsent local field changes stay until central answers them; so does the status they were made on.
      if (hasUnsent) {
        const row = updateCentral.get(central);
        return { card: row ? toCard(row) : mustGet(card.id), changed: true };
      }
      // The pull that follows a push brings back what the push's answer already wrote: nothing to do.
      const fields = columns(draftFields(card));
      const opened = open(stored);
      if (sameAsCentral(opened, central, fields)) return { card: rowToCard(opened), changed: false };
      const row = updateAll.get(
        cardParameters(central, resealed(stored, opened, fields), {
          at: stored.created_at,
          by: stored.created_by,
        }),
      );
      // The row holds what was just written: its sealed columns are `fields`, known without opening them again.
      return {
        card: row
          ? rowToCard({ ...row, description: fields.description, details: fields.details })
          : mustGet(card.id),
        changed: true,
      };
    },
    applyMove(id, departmentId, version) {
      const row = move.get(departmentId, id, version);
      return row ? toCard(row) : undefined;
    },
    markRefused: (id, refusal) =>
      void setRefusal.run({ id, refusal: JSON.stringify({ ...refusal, at: deps.now().toISOString() }) }),
    clearRefusal: (id) => void unsetRefusal.run(id),
    refused: () =>
      selectRefused.all().map((r) => ({ id: r.id, refusal: CardRefusalSchema.parse(JSON.parse(r.refusal)) })),
    refusalOf(id) {
      const stored = selectRefusal.get(id)?.refusal;
      return stored ? CardRefusalSchema.parse(JSON.parse(stored)) : undefined;
    },
  };
}
