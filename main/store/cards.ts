import type Database from 'better-sqlite3';
import type { Card, CardDraftInput, CardId } from '../../domain/card';
import { CardCategorySchema } from '../../domain/category';
import { LocationSourceSchema } from '../../domain/geo';

interface CardRow {
  id: string;
  local_number: number;
  status: 'draft';
  description: string;
  category: string | null;
  lat: number | null;
  lon: number | null;
  location_source: string | null;
  created_at: string;
  updated_at: string;
}

export class CardNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`card ${id} does not exist`);
  }
}

/** The database is a boundary too: a value this console never wrote is refused here, not deep in the UI. */
function rowToCard(row: CardRow): Card {
  const location =
    row.lat === null || row.lon === null
      ? null
      : { lat: row.lat, lon: row.lon, source: LocationSourceSchema.parse(row.location_source ?? 'typed') };
  return {
    id: row.id,
    localNumber: row.local_number,
    status: row.status,
    description: row.description,
    category: row.category === null ? null : CardCategorySchema.parse(row.category),
    location,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface CardRepository {
  saveDraft(input: CardDraftInput): Card;
  get(id: CardId): Card | undefined;
  list(): Card[];
}

export function createCardRepository(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string },
): CardRepository {
  const selectOne = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?');
  const selectAll = db.prepare<[], CardRow>('SELECT * FROM cards ORDER BY updated_at DESC, local_number DESC');
  const nextNumber = db.prepare<[], { next: number }>('SELECT COALESCE(MAX(local_number), 0) + 1 AS next FROM cards');
  const insert = db.prepare(
    `INSERT INTO cards (id, local_number, status, description, category, lat, lon, location_source, created_at, updated_at)
     VALUES (@id, @localNumber, 'draft', @description, @category, @lat, @lon, @locationSource, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE cards SET description = @description, category = @category, lat = @lat, lon = @lon,
       location_source = @locationSource, updated_at = @now
     WHERE id = @id`,
  );

  const saveDraft = db.transaction((input: CardDraftInput): Card => {
    const now = deps.now().toISOString();
    const fields = {
      description: input.description,
      category: input.category,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      locationSource: input.location?.source ?? null,
      now,
    };
    let id = input.id;
    if (id === undefined) {
      id = deps.newId();
      insert.run({ ...fields, id, localNumber: nextNumber.get()?.next ?? 1 });
    } else if (update.run({ ...fields, id }).changes === 0) {
      throw new CardNotFoundError(id);
    }
    const row = selectOne.get(id);
    if (!row) throw new CardNotFoundError(id);
    return rowToCard(row);
  });

  return {
    saveDraft: (input) => saveDraft.immediate(input),
    get: (id) => {
      const row = selectOne.get(id);
      return row ? rowToCard(row) : undefined;
    },
    list: () => selectAll.all().map(rowToCard),
  };
}
