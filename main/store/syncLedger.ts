import type Database from 'better-sqlite3';
import type { Card } from '../../domain/card';
import type { Change, SyncOperation, SyncOpResult } from '../../domain/sync';
import type { CardSyncState, SyncStatus } from '../../domain/syncStatus';
import type { CardRepository } from './cards';
import type { Outbox } from './outbox';

/**
 * Records what central answered, each time in one transaction with the local state it changes,
 * so a crash leaves either the old picture (the push is repeated and answered `duplicate`) or the new one.
 */
export interface SyncLedger {
  /** Returns the cards that changed locally. Operations without an answer go back to pending. */
  recordPush(batch: readonly SyncOperation[], results: readonly SyncOpResult[]): Card[];
  /** Applies a page of the change feed and moves the cursor. */
  applyPull(changes: readonly Change[], cursor: number): Card[];
  cursor(): number;
  status(): SyncStatus;
  recordSyncTime(at: Date): void;
}

export function createSyncLedger(db: Database.Database, deps: { cards: CardRepository; outbox: Outbox }): SyncLedger {
  const { cards, outbox } = deps;
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM sync_meta WHERE key = ?');
  const setMeta = db.prepare('INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  const reject = (op: SyncOperation, reason: string) => {
    outbox.markRejected(op);
    cards.markRejected(op.cardId, reason);
  };

  const recordPush = db.transaction((batch: readonly SyncOperation[], results: readonly SyncOpResult[]): Card[] => {
    const byId = new Map(results.map((r) => [r.id, r]));
    const changed: Card[] = [];
    for (const op of batch) {
      const result = byId.get(op.id);
      if (!result) continue;
      switch (result.status) {
        case 'applied':
          outbox.markSent([op]);
          if (result.card) changed.push(cards.applyCentral(result.card, outbox.hasUnsent(op.cardId)));
          break;
        case 'duplicate':
          // The answer to an earlier push of this very operation was lost; its original result stands.
          if (result.original.status === 'applied') outbox.markSent([op]);
          else reject(op, result.original.reason ?? 'rejected');
          break;
        case 'rejected':
          reject(op, result.reason);
          break;
      }
    }
    outbox.release('no answer for this operation');
    for (const id of new Set(batch.map((op) => op.cardId))) {
      const card = cards.get(id);
      if (card && !changed.some((c) => c.id === id)) changed.push(card);
    }
    return changed;
  });

  const applyPull = db.transaction((changes: readonly Change[], cursor: number): Card[] => {
    const changed: Card[] = [];
    for (const change of changes) {
      switch (change.entity) {
        case 'card':
          changed.push(cards.applyCentral(change.card, outbox.hasUnsent(change.card.id)));
          break;
        case 'chat':
          // The console keeps no chat history yet; the feed position still moves past it.
          break;
      }
    }
    setMeta.run('cursor', String(cursor));
    return changed;
  });

  return {
    recordPush: (batch, results) => recordPush.immediate(batch, results),
    applyPull: (changes, cursor) => applyPull.immediate(changes, cursor),
    cursor: () => Number(getMeta.get('cursor')?.value ?? 0),
    recordSyncTime: (at) => void setMeta.run('lastSyncAt', at.toISOString()),
    status() {
      const states = new Map<string, CardSyncState>();
      for (const [cardId, state] of outbox.unsentCards()) states.set(cardId, { state });
      for (const r of cards.rejected()) states.set(r.id, { state: 'rejected', reason: r.reason });
      return {
        unsent: outbox.unsentCount(),
        cards: [...states].map(([cardId, sync]) => ({ cardId, sync })),
        lastSyncAt: getMeta.get('lastSyncAt')?.value ?? null,
      };
    },
  };
}
