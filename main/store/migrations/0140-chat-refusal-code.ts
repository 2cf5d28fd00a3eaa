import type { Migration } from '../migration';

/**
 * A chat line central refused keeps central's refusal code and its parameters (domain/contract/refusal.ts, as JSON)
 * beside the English reason, so the line says why in the operator's language. Lines refused before keep
 * only the reason; the screen says "refused" for them.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'chat-refusal-code',
  up(db) {
    db.exec(`
      ALTER TABLE chat_messages ADD COLUMN rejected_code TEXT;
      ALTER TABLE chat_messages ADD COLUMN rejected_params TEXT;
    `);
  },
};
