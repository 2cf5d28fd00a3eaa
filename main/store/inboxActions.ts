import type Database from 'better-sqlite3';
import type { ForwardInput, InboxQueuedAction } from '../../domain/inbox/inbox';
import type { Outbox } from './outbox';

interface ActionRow {
  appeal_id: string;
  action: InboxQueuedAction['action'];
  state: InboxQueuedAction['state'];
  code: string | null;
  at: string;
}

/** An inbox action to queue: a claim, or a forward with its service and reason. */
export type QueuedInboxAction =
  | { action: 'claim'; appealId: string }
  | { action: 'forward'; appealId: string; input: ForwardInput }
  /** A possible duplicate joins the open card it repeats: keyed by that card, so it follows the card's create. */
  | { action: 'link'; appealId: string; cardId: string };

/**
 * Claims and forwards queued while central was out of reach (issue 12). Each is an operation of the outbox, so it
 * reaches central exactly once (central's ledger), in order per appeal; its row here says what the inbox shows:
 * queued until central takes it (the row goes), refused with central's code when central would not.
 */
export function createInboxActions(db: Database.Database, deps: { outbox: Outbox; now: () => Date }) {
  const insert = db.prepare(
    `INSERT INTO inbox_actions (operation_id, account, appeal_id, action, state, code, at)
     VALUES (?, ?, ?, ?, 'queued', NULL, ?)`,
  );
  const remove = db.prepare('DELETE FROM inbox_actions WHERE operation_id = ?');
  const refuse = db.prepare(
    `UPDATE inbox_actions SET state = 'refused', code = ?, at = ? WHERE operation_id = ?`,
  );
  const select = db.prepare<[string], ActionRow>(
    'SELECT appeal_id, action, state, code, at FROM inbox_actions WHERE account = ? ORDER BY at',
  );
  const forgetRefused = db.prepare(
    `DELETE FROM inbox_actions WHERE account = ? AND state = 'refused' AND appeal_id = ?`,
  );

  // The operation and the row in one transaction: a queued action the inbox shows is one the outbox will send.
  const queue = db.transaction((account: string, action: QueuedInboxAction) => {
    const id =
      action.action === 'claim'
        ? deps.outbox.append({
            type: 'inbox.claim',
            cardId: action.appealId,
            payload: { appealId: action.appealId },
          })
        : action.action === 'link'
          ? deps.outbox.append({
              type: 'inbox.link',
              cardId: action.cardId,
              payload: { appealId: action.appealId },
            })
          : deps.outbox.append({
              type: 'inbox.forward',
              cardId: action.appealId,
              payload: { appealId: action.appealId, ...action.input },
            });
    insert.run(id, account, action.appealId, action.action, deps.now().toISOString());
  });

  return {
    /** Queues the action for the signed-in account (the outbox writes its operation as theirs). */
    queue: (account: string, action: QueuedInboxAction) => queue.immediate(account, action),
    /** Central took it: nothing is left to show. Inside the ledger's transaction. */
    sent: (operationId: string) => void remove.run(operationId),
    /** Central refused it: the item shows why. Inside the ledger's transaction. */
    refused: (operationId: string, code: string) =>
      void refuse.run(code, deps.now().toISOString(), operationId),
    list: (account: string): InboxQueuedAction[] =>
      select.all(account).map((r) => ({
        appealId: r.appeal_id,
        action: r.action,
        state: r.state,
        code: r.code,
        at: r.at,
      })),
    /** The operator has seen the refusal and acts on the item again (or it left the inbox). */
    forgetRefused: (account: string, appealId: string) => void forgetRefused.run(account, appealId),
  };
}
export type InboxActions = ReturnType<typeof createInboxActions>;
