import { SYNC_LIMITS, type SyncOperation, type SyncOpResult } from '../../domain/sync/sync';
import type { Card } from '../../domain/cards/card';
import type { CentralFailure, SignedInCentral } from '../central/client';
import type { ConnectivityService } from '../connectivity';
import type { ConsoleEventBus } from '../events';
import type { Logger } from '../log';
import type { ChangeNotifier } from '../store/changeNotifier';
import type { Outbox } from '../store/outbox';
import type { LocalChanges, SyncLedger } from '../store/syncLedger';
import { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelay } from './backoff';

export interface SyncEngineDeps {
  central: SignedInCentral;
  outbox: Outbox;
  ledger: SyncLedger;
  /** The store's announcements: an appended operation or a queued file wakes the engine. */
  changes: ChangeNotifier;
  connectivity: ConnectivityService;
  /** The windows hear of every card and chat the engine changed. */
  events: ConsoleEventBus;
  /** The sync status may have changed (many times a second while the engine works). */
  statusChanged(): void;
  log: Logger;
  now: () => Date;
  backoff?: BackoffPolicy;
  /** A quiet pull this often even without a realtime nudge. */
  pollMs?: number;
  batchSize?: number;
  /** Files of cards go after the cards themselves: called once the outbox is pushed. */
  uploadFiles?: () => Promise<{ ok: true } | { ok: false; failure: CentralFailure }>;
  /** Best effort after a good round (reference data); its failure does not count against the link. */
  afterRound?: () => Promise<void>;
}

/**
 * A push central fails as a whole may fail on one operation in it (text it cannot store, a bug of its own):
 * after this many such answers in a row the engine halves the batch until the operation is found, so the
 * operations around it get through and only it is retried.
 */
const WHOLE_BATCH_FAILURES_BEFORE_SPLITTING = 2;

/** Central failed on the request itself (5xx), or could not take it as sent (a request it calls malformed). */
const failedOnContent = (failure: Extract<CentralFailure, { kind: 'http' }>) =>
  failure.status >= 500 || failure.status === 400 || failure.status === 413;

export interface SyncEngine {
  start(): void;
  /** Something changed (a local save, "sync now", a realtime nudge): sync as soon as possible. */
  wake(): void;
  /** The realtime socket's state feeds `degraded` (HTTP works, live updates do not). */
  setRealtimeUp(up: boolean): void;
  /** Resolves when the outbox is empty and the feed read to its end (tests, benchmarks). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

type Round = { ok: true } | { ok: false; failure: CentralFailure };

/**
 * Pushes the outbox in order, one batch in flight at a time, then pulls the change feed; on a transport
 * failure waits with backoff and tries again. Exactly-once is central's job (operation ids); the engine's
 * job is never to lose, reorder or modify an operation.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const pollMs = deps.pollMs ?? 30_000;
  const batchSize = deps.batchSize ?? SYNC_LIMITS.batchMax;
  let running = false;
  let generation = 0;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let woken = false;
  let realtimeUp = false;
  let httpUp = false;
  /** Rounds begun so far: a waiter of `idle` is answered only by a round begun after it asked. */
  let roundsBegun = 0;
  let idleWaiters: { after: number; done: () => void }[] = [];

  let wholeBatchFailures = 0;
  /** The batch size while narrowing down an operation central fails on; back to full as pushes succeed. */
  let limit = batchSize;
  /**
   * Operations held back this round since central last took one: a second in a row means central fails on
   * everything (its database is down), and the round ends as a failure instead of marking every card.
   */
  let heldInARow = 0;
  let unsubscribe: (() => void) | null = null;

  const tell = (changed: LocalChanges) => {
    for (const card of changed.cards) deps.events.emit('cards.changed', { card });
    // Told apart from a change: the windows of an account that may no longer see the card drop it (main/cardAudience.ts).
    for (const cardId of changed.left ?? []) deps.events.emit('cards.left', { cardId });
    for (const appealId of changed.chatAppeals) deps.events.emit('chat.changed', { appealId });
    if (changed.inbox) deps.events.emit('inbox.changed', {});
  };

  const showConnectivity = () =>
    deps.connectivity.set(!httpUp ? 'offline' : realtimeUp ? 'online' : 'degraded');

  async function push(): Promise<Round> {
    for (;;) {
      const batch = deps.outbox.takeBatch(limit);
      const setAside = deps.outbox.takeUnreadable();
      if (setAside.length > 0) {
        deps.log.warn('sync.unreadableOperations', { count: setAside.length });
        tell(deps.ledger.refuseUnreadable(setAside));
        deps.statusChanged();
        if (batch.length === 0) continue;
      }
      if (batch.length === 0) return { ok: true };
      deps.statusChanged();
      const answer = await deps.central.call('POST /api/sync/push', { body: { operations: batch } });
      if (answer.ok) {
        wholeBatchFailures = 0;
        heldInARow = 0;
        limit = Math.min(batchSize, limit * 2);
        await record(batch, answer.value.results);
        continue;
      }
      const { failure } = answer;
      if (failure.kind === 'http' && failedOnContent(failure)) {
        // A request central calls malformed will not become well-formed by waiting: narrow it down at once.
        wholeBatchFailures =
          failure.status < 500 ? WHOLE_BATCH_FAILURES_BEFORE_SPLITTING : wholeBatchFailures + 1;
        const [only] = batch;
        if (
          only &&
          batch.length === 1 &&
          wholeBatchFailures >= WHOLE_BATCH_FAILURES_BEFORE_SPLITTING &&
          heldInARow === 0
        ) {
          await failedAlone(only, failure);
          continue;
        }
        if (wholeBatchFailures >= WHOLE_BATCH_FAILURES_BEFORE_SPLITTING && batch.length > 1) {
          // Halves at once: a few requests find the operation among hundreds, with no backoff in between.
          limit = Math.ceil(batch.length / 2);
          deps.outbox.release(failure.message);
          continue;
        }
      }
      deps.outbox.release(failure.message);
      deps.statusChanged();
      return answer;
    }
  }

  async function record(batch: readonly SyncOperation[], results: readonly SyncOpResult[]) {
    const recorded = deps.ledger.recordPush(batch, results);
    const restored = await putBackCentral(recorded.refusedAtCentral);
    // One word per card: the refusal arrives together with central's version, not before it.
    tell({ ...recorded, cards: recorded.cards.map((card) => restored.get(card.id) ?? card) });
    deps.statusChanged();
  }

  /**
   * Central failed on this operation sent alone. A request it calls malformed is refused for good, with its
   * refusal on the card; a server error is retried with backoff, only it (and the later ones of its card)
   * held back, with the problem on its card until central takes it.
   */
  async function failedAlone(op: SyncOperation, failure: Extract<CentralFailure, { kind: 'http' }>) {
    deps.log.warn('sync.operationFailed', { status: failure.status, type: op.type });
    if (failure.status < 500) {
      const refusal = failure.refusal ?? { code: 'request.invalid', params: { part: 'body' } };
      await record([op], [{ id: op.id, status: 'rejected', ...refusal, reason: failure.message }]);
      return;
    }
    heldInARow++;
    const card = deps.ledger.holdBack(op, (attempts) => backoffDelay(policy, attempts), failure.message);
    if (card) deps.events.emit('cards.changed', { card });
    deps.statusChanged();
  }

  /**
   * A refused change must not stand on the local copy as if central had it: central's card as it is now
   * replaces it. A card central no longer shows this account keeps its copy, with the refusal on it.
   */
  async function putBackCentral(cardIds: readonly string[]): Promise<Map<string, Card>> {
    const restored = new Map<string, Card>();
    for (const id of cardIds) {
      const answer = await deps.central.call('GET /api/cards/:id', { params: { id } });
      const card = answer.ok ? deps.ledger.restoreCentral(answer.value.card) : null;
      if (card) restored.set(id, card);
      if (!answer.ok) deps.log.warn('sync.restore.failed', { failure: answer.failure.kind });
    }
    return restored;
  }

  async function pull(): Promise<Round> {
    for (;;) {
      const answer = await deps.central.call('GET /api/sync/pull', {
        query: { since: deps.ledger.cursor(), limit: SYNC_LIMITS.pullMax },
      });
      if (!answer.ok) return answer;
      tell(deps.ledger.applyPull(answer.value.changes, answer.value.cursor));
      if (!answer.value.hasMore) return { ok: true };
    }
  }

  async function round(): Promise<Round> {
    heldInARow = 0;
    // Signed out (or offline, central not answering yet): the outbox is not touched, its operations stay mergeable.
    if (!(await deps.central.signedInOnline()))
      return { ok: false, failure: { kind: 'signedOut', message: 'signed out' } };
    const pushed = await push();
    if (!pushed.ok) return pushed;
    const pulled = await pull();
    if (!pulled.ok) return pulled;
    const uploaded = deps.uploadFiles ? await deps.uploadFiles() : pulled;
    if (uploaded.ok && deps.afterRound) {
      await deps.afterRound().catch(() => deps.log.warn('sync.afterRound.failed'));
    }
    return uploaded;
  }

  /** Until the next quiet pull, or sooner when a held-back operation may be sent again. */
  const untilNextRound = () => {
    const retryAt = deps.outbox.nextRetryAt();
    const retryIn = retryAt ? Math.max(0, retryAt.getTime() - deps.now().getTime()) : pollMs;
    return Math.min(pollMs, retryIn);
  };

  const wake = () => {
    if (wakeUp) wakeUp();
    else woken = true;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wakeUp = null;
        resolve();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      };
    });

  /** Whether the loop started as `generation` should go on: it stops when told to, or when a newer one took over. */
  const current = (mine: number) => running && generation === mine;

  async function run(mine: number): Promise<void> {
    let failures = 0;
    while (current(mine)) {
      woken = false;
      const begun = ++roundsBegun;
      const result = await round().catch((error: unknown): Round => {
        deps.log.error('sync.round.failed', { error: error instanceof Error ? error.name : 'unknown' });
        return { ok: false, failure: { kind: 'network', message: 'internal' } };
      });
      if (!current(mine)) break;
      if (result.ok) {
        failures = 0;
        httpUp = true;
        deps.ledger.recordSyncTime(deps.now());
        showConnectivity();
        deps.statusChanged();
        if (deps.outbox.unsentCount() === 0) {
          for (const waiter of idleWaiters) if (waiter.after < begun) waiter.done();
          idleWaiters = idleWaiters.filter((waiter) => waiter.after >= begun);
        }
        if (!woken) await sleep(untilNextRound());
        continue;
      }
      const { failure } = result;
      switch (failure.kind) {
        case 'signedOut':
          httpUp = false;
          break;
        case 'network':
          httpUp = false;
          failures++;
          break;
        case 'http':
          // Central is reachable but refused the request as a whole (not one operation): retry later.
          httpUp = true;
          failures++;
          deps.log.warn('sync.refused', { status: failure.status });
          break;
      }
      showConnectivity();
      await sleep(failure.kind === 'signedOut' ? pollMs : backoffDelay(policy, failures));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      // An operation appended or a file queued by any writer: sync as soon as possible.
      unsubscribe ??= deps.changes.subscribe((change) => {
        if (change.kind !== 'card') wake();
      });
      const mine = ++generation;
      const previous = loop;
      // A loop told to stop may still be in its round, a push on the wire (sign-out and straight back in):
      // this one begins when that one has ended, so two loops never push at once.
      loop = (async () => {
        await previous;
        if (!current(mine)) return;
        // Operations in flight when the console stopped may or may not have reached central: send them again as they are.
        deps.outbox.release('console restarted during a push');
        await run(mine);
      })();
    },
    wake,
    setRealtimeUp(up) {
      realtimeUp = up;
      if (httpUp) showConnectivity();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push({ after: roundsBegun, done: resolve });
        if (wakeUp) wakeUp();
        else woken = true;
      }),
    async stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      wakeUp?.();
      await loop;
    },
  };
}
