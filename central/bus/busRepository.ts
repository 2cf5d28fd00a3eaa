import type { Sql } from '../db/database';
import type { CentralEvent } from './events';

/** What the event bus stores: notifications, and events too large for one (`bus_spill`). */
export const busRepository = {
  async notify(db: Sql, channel: string, payload: string): Promise<void> {
    await db.query('select pg_notify($1, $2)', [channel, payload]);
  },

  /** Parks an event too large for a notification; spilled events older than a minute are swept. */
  async spill(db: Sql, id: string, event: CentralEvent): Promise<void> {
    // An event may carry a citizen's words or an applicant: parked sealed, like every stored copy.
    await db.query('insert into bus_spill (id, payload) values ($1, $2)', [id, db.sealed.sealJson(event)]);
    // Spilled events are read within milliseconds; a minute is ample before they are swept.
    await db.query(`delete from bus_spill where at < now() - interval '1 minute'`);
  },

  async spilled(db: Sql, id: string): Promise<CentralEvent | null> {
    const rows = await db.query<{ payload: string }>('select payload from bus_spill where id = $1', [id]);
    const payload = rows[0]?.payload;
    // Our own writing, parked a moment ago under the same key.
    return payload === undefined ? null : (db.sealed.openJson(payload) as CentralEvent);
  },
};
