import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/store/migrate';
import { MIGRATIONS } from '../../main/store/migrations';

describe('store migration 0120 (coordinates kept as typed)', () => {
  it('adds an empty typed_coordinates column and keeps every card as it was', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 110),
    );
    db.exec(`INSERT INTO cards (id, local_number, status, description, category, lat, lon, created_at, updated_at)
       VALUES ('0190f0f0-0000-7000-8000-000000000001', 1, 'draft', 'old card', NULL, 43.2, 76.9,
         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    // Up to the migration before the citizen's words are sealed (0190).
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 190),
    );
    expect(db.prepare('SELECT description, lat, lon, typed_coordinates FROM cards').get()).toEqual({
      description: 'old card',
      lat: 43.2,
      lon: 76.9,
      typed_coordinates: null,
    });
    db.exec(`UPDATE cards SET typed_coordinates = '{"lat":"432389","lon":"76,9"}'`);
    expect(db.prepare('SELECT typed_coordinates FROM cards').pluck().get()).toBe(
      '{"lat":"432389","lon":"76,9"}',
    );
  });
});
