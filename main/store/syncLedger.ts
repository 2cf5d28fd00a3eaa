import type Database from 'better-sqlite3';
import type { Card, CardId } from '../../domain/cards/card';
import {
  RefusableCardOperationSchema,
  UNKNOWN_REFUSAL_CODE,
  refusalOf,
} from '../../domain/cards/cardRefusal';
import { type RefusalCode, refusal } from '../../domain/contract/refusal';
import { isUnstorableIssue } from '../../domain/contract/text';
import type { Change, SyncOperation, SyncOpResult } from '../../domain/sync/sync';
import type { CardSyncState, SyncStatus } from '../../domain/sync/syncStatus';
import type { CardRepository } from './cards';
import type { ChatRepository } from './chat';
import type { Outbox, UnreadableOperation } from './outbox';
import { createInboxActions } from './inboxActions';
import { createPendingTransitions } from './pendingTransitions';

/** The problem a card shows while central fails on one of its operations (domain/contract/refusal.ts). */
const OPERATION_FAILED: RefusalCode = 'sync.operationFailed';

/** What an answer or a page of the feed changed here: cards, and the appeals whose chat changed. */
export interface LocalChanges {
  cards: Card[];
  chatAppeals: string[];
  /** Cards central moved to another department: an account that may no longer see them drops them from view. */
  left?: CardId[];
  /** An inbox action queued offline was taken or refused: the inbox reads its list again. */
  inbox?: boolean;
}

/** What a push's answers changed here, and the cards central has whose change it refused (to be put back). */
export interface PushChanges extends LocalChanges {
  refusedAtCentral: CardId[];
}

/**
 * Records what central answered, each time in one transaction with the local state it changes,
 * so a crash leaves either the old picture (the push is repeated and answered `duplicate`) or the new one.
 */
export interface SyncLedger {
  /** Returns what changed locally. Operations without an answer go back to pending. */
  recordPush(batch: readonly SyncOperation[], results: readonly SyncOpResult[]): PushChanges;
  /**
   * Central's card as it stands now, put back over a change central refused (its fields stay the local ones
   * while later changes are unsent); returns the card as stored, null if it is not kept here.
   */
  restoreCentral(card: Card): Card | null;
  /**
   * Central failed on this operation by itself (not on the others): it is sent again after `delayMs(attempts)`,
   * the operations behind it go on, and its card says so until central takes it. Returns the card, if one changed.
   */
  holdBack(op: SyncOperation, delayMs: (attempts: number) => number, error: string): Card | null;
  /** Shows on their cards (or chat lines) the operations the outbox set aside as unreadable. */
  refuseUnreadable(operations: readonly UnreadableOperation[]): LocalChanges;
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
  const inboxActions = createInboxActions(db, { outbox, now: () => new Date() });
  const isInboxAction = (type: string) => type.startsWith('inbox.');
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM sync_meta WHERE key = ?');
  const pendingTransitions = createPendingTransitions(db);
  const setMeta = db.prepare(
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  // Central's feed is filtered per account: each account on the workstation reads it from its own place,
  // or the next account would start where the last one stopped and never receive its territory's older cards.
  const cursorKey = () => `cursor:${outbox.account() ?? ''}`;

  /** A refused chat line shows its reason on the line; any other refusal on the card. */
  const reject = (
    op: SyncOperation,
    answer: { code: string | null; params: Record<string, unknown> | null; reason: string | null },
    chatAppeals: Set<string>,
    refusedCards: Set<CardId>,
  ) => {
    outbox.markRejected(op);
    const reason = answer.reason ?? answer.code ?? 'rejected';
    if (op.type === 'inbox.claim' || op.type === 'inbox.forward' || op.type === 'inbox.link') {
      inboxActions.refused(op.id, answer.code ?? UNKNOWN_REFUSAL_CODE);
      return;
    }
    if (op.type !== 'chat.message') {
      cards.markRefused(op.cardId, refusalOf(op.type, answer));
      refusedCards.add(op.cardId);
      return;
    }
    const appeal = chat.markRejected(op.id, { ...answer, reason });
    if (appeal) chatAppeals.add(appeal);
  };
  const sent = (op: SyncOperation, chatAppeals: Set<string>) => {
    outbox.markSent([op]);
    if (op.type === 'inbox.claim' || op.type === 'inbox.forward' || op.type === 'inbox.link')
      return inboxActions.sent(op.id);
    if (op.type === 'card.update' || op.type === 'card.transition' || heldOn(op.cardId))
      cards.clearRefusal(op.cardId);
    const appeal = op.type === 'chat.message' ? chat.markSent(op.id) : null;
    if (appeal) chatAppeals.add(appeal);
  };

  /** Whether the card's problem is an operation central failed on, which goes once central takes it. */
  const heldOn = (cardId: CardId) => cards.refusalOf(cardId)?.code === OPERATION_FAILED;

  const holdBack = db.transaction(
    (op: SyncOperation, delayMs: (attempts: number) => number, error: string): Card | null => {
      outbox.holdBack(op, delayMs, error);
      if (
        op.type === 'chat.message' ||
        op.type === 'inbox.claim' ||
        op.type === 'inbox.forward' ||
        op.type === 'inbox.link'
      )
        return null;
      cards.markRefused(op.cardId, { operation: op.type, code: OPERATION_FAILED, params: {}, reason: error });
      return cards.get(op.cardId) ?? null;
    },
  );

  const refuseUnreadable = db.transaction((operations: readonly UnreadableOperation[]): LocalChanges => {
    const changed = new Map<CardId, Card>();
    const chatAppeals = new Set<string>();
    let inbox = false;
    for (const op of operations) {
      const unstorable = op.issues.find(isUnstorableIssue);
      const answer = {
        ...(unstorable
          ? refusal('text.unstorable', { field: unstorable.path.join('.') || '(root)' })
          : refusal('request.invalid', { part: 'body' })),
        reason: 'the operation no longer matches the protocol',
      };
      if (op.type === 'chat.message') {
        const appeal = chat.markRejected(op.id, answer);
        if (appeal) chatAppeals.add(appeal);
        continue;
      }
      if (isInboxAction(op.type)) {
        inboxActions.refused(op.id, answer.code);
        inbox = true;
        continue;
      }
      const operation = RefusableCardOperationSchema.safeParse(op.type);
      if (!operation.success) continue;
      cards.markRefused(op.cardId, refusalOf(operation.data, answer));
      const card = cards.get(op.cardId);
      if (card) changed.set(op.cardId, card);
    }
    return { cards: [...changed.values()], chatAppeals: [...chatAppeals], inbox };
  });

  const recordPush = db.transaction(
    (batch: readonly SyncOperation[], results: readonly SyncOpResult[]): PushChanges => {
      const byId = new Map(results.map((r) => [r.id, r]));
      // Each card once, as it stands after the batch.
      const changed = new Map<string, Card>();
      const chatAppeals = new Set<string>();
      const refused = new Set<CardId>();
      let inbox = false;
      for (const op of batch) {
        const result = byId.get(op.id);
        if (!result) continue;
        if (isInboxAction(op.type)) inbox = true;
        switch (result.status) {
          case 'applied':
            sent(op, chatAppeals);
            if (result.card)
              changed.set(op.cardId, cards.applyCentral(result.card, outbox.hasUnsent(op.cardId)).card);
            break;
          case 'duplicate':
            // The answer to an earlier push of this very operation was lost; its original result stands.
            if (result.original.status === 'applied') sent(op, chatAppeals);
            else
              reject(
                op,
                {
                  code: result.original.code,
                  params: result.original.params,
                  reason: result.original.reason,
                },
                chatAppeals,
                refused,
              );
            break;
          case 'rejected':
            reject(op, result, chatAppeals, refused);
            break;
        }
      }
      outbox.release('no answer for this operation');
      for (const op of batch) {
        if (changed.has(op.cardId) || isInboxAction(op.type)) continue;
        const card = cards.get(op.cardId);
        if (card) changed.set(op.cardId, card);
      }
      // A card central never had has no version of central's to put back: it keeps what the operator typed.
      const refusedAtCentral = [...refused].filter((id) => changed.get(id)?.version !== undefined);
      return { cards: [...changed.values()], chatAppeals: [...chatAppeals], refusedAtCentral, inbox };
    },
  );

  const restoreCentral = db.transaction((card: Card): Card | null =>
    cards.get(card.id) ? cards.applyCentral(card, outbox.hasUnsent(card.id)).card : null,
  );

  const applyPull = db.transaction((changes: readonly Change[], cursor: number): LocalChanges => {
    const changed: Card[] = [];
    const chatAppeals = new Set<string>();
    const left: CardId[] = [];
    for (const change of changes) {
      switch (change.entity) {
        case 'card': {
          const applied = cards.applyCentral(change.card, outbox.hasUnsent(change.card.id));
          if (applied.changed) changed.push(applied.card);
          break;
        }
        case 'cardMoved': {
          const moved = cards.applyMove(change.cardId, change.departmentId, change.version);
          if (moved) {
            changed.push(moved);
            left.push(moved.id);
          }
          break;
        }
        case 'chat':
          chat.applyCentral(change.message);
          chatAppeals.add(change.message.appealId);
          break;
      }
    }
    setMeta.run(cursorKey(), String(cursor));
    return { cards: changed, chatAppeals: [...chatAppeals], left };
  });

  return {
    recordPush: (batch, results) => recordPush.immediate(batch, results),
    restoreCentral: (card) => restoreCentral.immediate(card),
    holdBack: (op, delayMs, error) => holdBack.immediate(op, delayMs, error),
    refuseUnreadable: (operations) => refuseUnreadable.immediate(operations),
    applyPull: (changes, cursor) => applyPull.immediate(changes, cursor),
    cursor: () => Number(getMeta.get(cursorKey())?.value ?? 0),
    recordSyncTime: (at) => void setMeta.run('lastSyncAt', at.toISOString()),
    status() {
      const states = new Map<string, CardSyncState>();
      const steps = pendingTransitions.byCard();
      for (const [cardId, state] of outbox.unsentCards()) {
        const transition = steps.get(cardId);
        states.set(cardId, transition ? { state, transition } : { state });
      }
      for (const r of cards.refused())
        states.set(r.id, {
          state: 'rejected',
          reason: r.refusal.reason ?? r.refusal.code,
          code: r.refusal.code,
          params: r.refusal.params ?? {},
        });
      return {
        unsent: outbox.unsentCount(),
        cards: [...states].map(([cardId, sync]) => ({ cardId, sync })),
        lastSyncAt: getMeta.get('lastSyncAt')?.value ?? null,
      };
    },
  };
}
