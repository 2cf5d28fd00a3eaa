import type { Migration } from '../migration';

/**
 * The whole §9 card: applicant or anonymous, language, what is seen (people, vehicles, buildings), sub-category,
 * urgency, typed address and the chosen territory, as one JSON object of the fields the protocol names
 * (domain/cards/card.ts `CardDetailsSchema`). NULL for cards stored before: they have none of these yet.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'card-details',
  up(db) {
    db.exec(`ALTER TABLE cards ADD COLUMN details TEXT`);
  },
};
