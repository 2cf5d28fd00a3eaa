import { type CardRow, rowToCard, type StoredCard } from '../cards/cardRepository';
import type { Sql } from '../db/database';

/** The card's half of a dispatch (§13): the units it was sent, raising its version like any change. */
export const dispatchRepository = {
  async addToCard(tx: Sql, cardId: string, unitIds: readonly string[]): Promise<StoredCard> {
    const rows = await tx.query<CardRow>(
      `update cards set dispatched_unit_ids = dispatched_unit_ids || $2::text[], version = version + 1,
         updated_at = now()
       where id = $1 returning *`,
      [cardId, unitIds],
    );
    const row = rows[0];
    if (!row) throw new Error('dispatch found no card');
    return rowToCard(tx.sealed, row);
  },
};
