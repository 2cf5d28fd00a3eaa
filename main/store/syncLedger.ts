import type Database from 'better-sqlite3';
import type { Card } from '../../domain/card';
import type { Change, SyncOperation, SyncOpResult } from '../../domain/sync';
import type { CardSyncState, SyncStatus } from '../../domain/syncStatus';
import type { CardRepository } from './cards';
import type { ChatRepository } from './chat';
import type { Outbox } from './outbox';
import { createPendingTransitions } from './pendingTransitions';

/** What an answer or a page of the feed changed here: cards, and the appeals whose chat changed. */
export interface LocalChanges {
  cards: Card[];
  chatAppeals: string[];
}

/**
 * Records what central answered, each time in one transaction with the local state it changes,
 * so a crash leaves either the old picture (the push is repeated and answered `duplicate`) or the new one.
 */
export interface SyncLedger {
  /** Returns what changed locally. Operations without an answer go back to pending. */
  recordPush(batch: readonly SyncOperation[], results: readonly SyncOpResult[]): LocalChanges;
  /** Applies a page of the change feed and moves the cursor. */
  applyPull(changes: readonly Change[], cursor: number): LocalChanges;
  cursor(): number;
  status(): SyncStatus;
  recordSyncTime(at: Date): void;
}

export function createSyncLedger(
  db: Database.Database,
  deps: { cards: CardRepository; outbox: Outbox; chat: ChatRepository },
): SyncLedger {
  const { cards, outbox, chat } = deps;
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM sync_meta WHERE key = ?');
  const pendingTransitions = createPendingTransitions(db);
  const setMeta = db.prepare(
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  /** A refused chat line shows its reason on the line; any other refusal on the card. */
  const reject = (op: SyncOperation, reason: string, chatAppeals: Set<string>) => {
    outbox.markRejected(op);
    if (op.type !== 'chat.message') return cards.markRejected(op.cardId, reason);
    const appeal = chat.markRejected(op.id, reason);
    if (appeal) chatAppeals.add(appeal);
  };
  const sent = (op: SyncOperation, chatAppeals: Set<string>) => {
    outbox.markSent([op]);
    const appeal = op.type === 'chat.message' ? chat.markSent(op.id) : null;
    if (appeal) chatAppeals.add(appeal);
  };

  const recordPush = db.transaction(
    (batch: readonly SyncOperation[], results: readonly SyncOpResult[]): LocalChanges => {
      const byId = new Map(results.map((r) => [r.id, r]));
      // Each card once, as it stands after the batch.
      const changed = new Map<string, Card>();
      const chatAppeals = new Set<string>();
      for (const op of batch) {
        const result = byId.get(op.id);
        if (!result) continue;
        switch (result.status) {
          case 'applied':
            sent(op, chatAppeals);
            if (result.card)
              changed.set(op.cardId, cards.applyCentral(result.card, outbox.hasUnsent(op.cardId)).card);
            break;
          case 'duplicate':
            // The answer to an earlier push of this very operation was lost; its original result stands.
            if (result.original.status === 'applied') sent(op, chatAppeals);
            else reject(op, result.original.reason ?? 'rejected', chatAppeals);
            break;
          case 'rejected':
            reject(op, result.reason, chatAppeals);
            break;
        }
      }
      outbox.release('no answer for this operation');
      for (const op of batch) {
        if (changed.has(op.cardId)) continue;
        const card = cards.get(op.cardId);
        if (card) changed.set(op.cardId, card);
      }
      return { cards: [...changed.values()], chatAppeals: [...chatAppeals] };
    },
  );

  const applyPull = db.transaction((changes: readonly Change[], cursor: number): LocalChanges => {
    const changed: Card[] = [];
    const chatAppeals = new Set<string>();
    for (const change of changes) {
      switch (change.entity) {
        case 'card': {
          const applied = cards.applyCentral(change.card, outbox.hasUnsent(change.card.id));
          if (applied.changed) changed.push(applied.card);
          break;
        }
        case 'chat':
          chat.applyCentral(change.message);
          chatAppeals.add(change.message.appealId);
          break;
      }
    }
    setMeta.run('cursor', String(cursor));
    return { cards: changed, chatAppeals: [...chatAppeals] };
  });

  return {
    recordPush: (batch, results) => recordPush.immediate(batch, results),
    applyPull: (changes, cursor) => applyPull.immediate(changes, cursor),
    cursor: () => Number(getMeta.get('cursor')?.value ?? 0),
    recordSyncTime: (at) => void setMeta.run('lastSyncAt', at.toISOString()),
    status() {
      const states = new Map<string, CardSyncState>();
      const steps = pendingTransitions.byCard();
      for (const [cardId, state] of outbox.unsentCards()) {
        const transition = steps.get(cardId);
        states.set(cardId, transition ? { state, transition } : { state });
      }
      for (const r of cards.rejected()) states.set(r.id, { state: 'rejected', reason: r.reason });
      return {
        unsent: outbox.unsentCount(),
        cards: [...states].map(([cardId, sync]) => ({ cardId, sync })),
        lastSyncAt: getMeta.get('lastSyncAt')?.value ?? null,
      };
    },
  };
}
