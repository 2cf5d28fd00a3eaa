import type { Migration } from '../migration';

/**
 * Who may see a card on a shared workstation, and what central refused of it.
 * `created_by`: the login that created the card here (NULL: it came from central, or nobody was signed
 * in), taken for existing cards from their `card.create` operation. `refusal`: the refusal as JSON
 * `{ operation, code, params }` (domain/cards/cardRefusal.ts) in place of the bare `rejected_reason` text,
 * which becomes the `unknown` code quoting central; its operation is the card's refused one in the outbox,
 * its time the card's last change.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'card-audience',
  up(db) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN created_by TEXT;
      UPDATE cards SET created_by = (
        SELECT account FROM (
          SELECT card_id, account FROM outbox WHERE type = 'card.create'
          UNION ALL SELECT card_id, account FROM outbox_sent WHERE type = 'card.create'
        ) AS creates WHERE creates.card_id = cards.id LIMIT 1);
      ALTER TABLE cards ADD COLUMN refusal TEXT;
      UPDATE cards SET refusal = json_object(
          'operation', COALESCE(
            (SELECT type FROM outbox WHERE outbox.card_id = cards.id AND state = 'rejected'
               AND type <> 'chat.message' ORDER BY seq DESC LIMIT 1),
            'card.update'),
          'code', 'unknown',
          'params', json_object(),
          'reason', rejected_reason,
          'at', updated_at)
        WHERE rejected_reason IS NOT NULL;
      DROP INDEX cards_rejected;
      ALTER TABLE cards DROP COLUMN rejected_reason;
      CREATE INDEX cards_refused ON cards (refusal) WHERE refusal IS NOT NULL;
    `);
  },
};
