import type Database from 'better-sqlite3';
import { type Unit, UnitSchema } from '../../domain/dispatch/unit';
import type { Outbox } from './outbox';

export interface UnitStore {
  /** The units of the account as last received, and when the whole list was last fetched. */
  list(account: string): { units: Unit[]; fetchedAt: string | null };
  /** Central's whole list for the account (a pull): replaces what was kept. */
  replace(account: string, units: readonly Unit[], fetchedAt: string): void;
  /** Units that changed (the socket): kept as central sent them. */
  apply(account: string, units: readonly Unit[]): void;
  /**
   * §13: the dispatch as one outbox operation, and its units marked en route to the card in the same
   * transaction (central decides; its answer and the socket bring the units back as they really are).
   */
  dispatch(account: string, cardId: string, unitIds: readonly string[], now: string): Unit[];
}

export function createUnitStore(db: Database.Database, deps: { outbox: Outbox }): UnitStore {
  const select = db.prepare<[string], { unit: string }>('SELECT unit FROM live_units WHERE account = ?');
  const selectOne = db.prepare<[string, string], { unit: string }>(
    'SELECT unit FROM live_units WHERE account = ? AND id = ?',
  );
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO live_units (account, id, unit) VALUES (?, ?, ?)
     ON CONFLICT (account, id) DO UPDATE SET unit = excluded.unit`,
  );
  const clear = db.prepare<[string]>('DELETE FROM live_units WHERE account = ?');
  const fetched = db.prepare<[string], { fetched_at: string }>(
    'SELECT fetched_at FROM live_unit_fetches WHERE account = ?',
  );
  const stamp = db.prepare<[string, string]>(
    `INSERT INTO live_unit_fetches (account, fetched_at) VALUES (?, ?)
     ON CONFLICT (account) DO UPDATE SET fetched_at = excluded.fetched_at`,
  );
  const read = (json: string): Unit | null => {
    const parsed = UnitSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  };

  const replace = db.transaction((account: string, units: readonly Unit[], fetchedAt: string) => {
    clear.run(account);
    for (const u of units) upsert.run(account, u.id, JSON.stringify(u));
    stamp.run(account, fetchedAt);
  });
  const apply = db.transaction((account: string, units: readonly Unit[]) => {
    for (const u of units) upsert.run(account, u.id, JSON.stringify(u));
  });
  const dispatch = db.transaction(
    (account: string, cardId: string, unitIds: readonly string[], now: string): Unit[] => {
      deps.outbox.append({ type: 'units.dispatch', cardId, payload: { unitIds: [...unitIds] } });
      const sent: Unit[] = [];
      for (const id of unitIds) {
        const row = selectOne.get(account, id);
        const unit = row ? read(row.unit) : null;
        if (!unit) continue;
        const next: Unit = { ...unit, status: 'enRoute', cardId, statusAt: now };
        upsert.run(account, id, JSON.stringify(next));
        sent.push(next);
      }
      return sent;
    },
  );

  return {
    list(account) {
      const units = select.all(account).flatMap((r) => {
        const u = read(r.unit);
        return u ? [u] : [];
      });
      return { units, fetchedAt: fetched.get(account)?.fetched_at ?? null };
    },
    replace: (account, units, fetchedAt) => replace.immediate(account, units, fetchedAt),
    apply: (account, units) => apply.immediate(account, units),
    dispatch: (account, cardId, unitIds, now) => dispatch.immediate(account, cardId, unitIds, now),
  };
}
