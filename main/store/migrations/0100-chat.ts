import type { Migration } from '../migration';

/**
 * The chat with the citizen of a card's appeal: central's lines as the feed brings them, and this console's
 * own lines from the moment they are typed (`state` until central has them). A card learns its appeal
 * from central, so the panel knows which conversation to show.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'chat',
  up(db) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN appeal_id TEXT;
      CREATE TABLE chat_messages (
        id TEXT PRIMARY KEY,
        appeal_id TEXT NOT NULL,
        sender TEXT NOT NULL CHECK (sender IN ('citizen', 'staff')),
        account_id TEXT,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'rejected')),
        rejected_reason TEXT
      ) STRICT;
      CREATE INDEX chat_messages_appeal ON chat_messages (appeal_id, created_at);
    `);
  },
};
