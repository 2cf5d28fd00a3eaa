import { SYNC_LIMITS } from '../../domain/sync/sync';
import type { Card } from '../../domain/cards/card';
import type { ConnectivityService } from '../connectivity';
import type { Logger } from '../log';
import type { Outbox } from '../store/outbox';
import type { LocalChanges, SyncLedger } from '../store/syncLedger';
import { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import type { CentralClient, CentralFailure } from './centralClient';

/** Where the engine gets the signed-in account's access token; null while nobody is signed in online. */
export interface TokenSource {
  accessToken(): Promise<string | null>;
  /** Central answered 401: the token is no good, get another before the next try. */
  refused(): void;
}

export interface SyncEngineDeps {
  client: CentralClient;
  tokens: TokenSource;
  outbox: Outbox;
  ledger: SyncLedger;
  connectivity: ConnectivityService;
  log: Logger;
  now: () => Date;
  onCardsChanged(cards: Card[]): void;
  /** The chat of these appeals changed here (a line arrived, or central answered one of ours). */
  onChatChanged(appealIds: string[]): void;
  onStatusChanged(): void;
  backoff?: BackoffPolicy;
  /** A quiet pull this often even without a realtime nudge. */
  pollMs?: number;
  batchSize?: number;
  /** Files of cards go after the cards themselves: called once the outbox is pushed. */
  uploadFiles?: (token: string) => Promise<{ ok: true } | { ok: false; failure: CentralFailure }>;
  /** Best effort after a good round (reference data); its failure does not count against the link. */
  afterRound?: (token: string) => Promise<void>;
}

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

type Round = { ok: true } | { ok: false; failure: CentralFailure | { kind: 'signedOut' } };

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
  let idleWaiters: (() => void)[] = [];

  const tell = (changed: LocalChanges) => {
    if (changed.cards.length > 0) deps.onCardsChanged(changed.cards);
    if (changed.chatAppeals.length > 0) deps.onChatChanged(changed.chatAppeals);
  };

  const showConnectivity = () =>
    deps.connectivity.set(!httpUp ? 'offline' : realtimeUp ? 'online' : 'degraded');

  async function push(token: string): Promise<Round> {
    for (;;) {
      const batch = deps.outbox.takeBatch(batchSize);
      if (batch.length === 0) return { ok: true };
      deps.onStatusChanged();
      const answer = await deps.client.push(token, batch);
      if (!answer.ok) {
        deps.outbox.release(answer.failure.message);
        deps.onStatusChanged();
        return answer;
      }
      const recorded = deps.ledger.recordPush(batch, answer.value.results);
      const restored = await putBackCentral(token, recorded.refusedAtCentral);
      // One word per card: the refusal arrives together with central's version, not before it.
      tell({ ...recorded, cards: recorded.cards.map((card) => restored.get(card.id) ?? card) });
      deps.onStatusChanged();
    }
  }

  /**
   * A refused change must not stand on the local copy as if central had it: central's card as it is now
   * replaces it. A card central no longer shows this account keeps its copy, with the refusal on it.
   */
  async function putBackCentral(token: string, cardIds: readonly string[]): Promise<Map<string, Card>> {
    const restored = new Map<string, Card>();
    for (const id of cardIds) {
      const answer = await deps.client.card(token, id);
      const card = answer.ok ? deps.ledger.restoreCentral(answer.value) : null;
      if (card) restored.set(id, card);
      if (!answer.ok) deps.log.warn('sync.restore.failed', { failure: answer.failure.kind });
    }
    return restored;
  }

  async function pull(token: string): Promise<Round> {
    for (;;) {
      const answer = await deps.client.pull(token, deps.ledger.cursor(), SYNC_LIMITS.pullMax);
      if (!answer.ok) return answer;
      tell(deps.ledger.applyPull(answer.value.changes, answer.value.cursor));
      if (!answer.value.hasMore) return { ok: true };
    }
  }

  async function round(): Promise<Round> {
    const token = await deps.tokens.accessToken();
    if (!token) return { ok: false, failure: { kind: 'signedOut' } };
    const pushed = await push(token);
    if (!pushed.ok) return pushed;
    const pulled = await pull(token);
    if (!pulled.ok) return pulled;
    const uploaded = deps.uploadFiles ? await deps.uploadFiles(token) : pulled;
    if (uploaded.ok && deps.afterRound) {
      await deps.afterRound(token).catch(() => deps.log.warn('sync.afterRound.failed'));
    }
    return uploaded;
  }

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
        deps.onStatusChanged();
        if (deps.outbox.unsentCount() === 0) {
          for (const done of idleWaiters) done();
          idleWaiters = [];
        }
        if (!woken) await sleep(pollMs);
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
          if (failure.status === 401) deps.tokens.refused();
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
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    setRealtimeUp(up) {
      realtimeUp = up;
      if (httpUp) showConnectivity();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        if (wakeUp) wakeUp();
        else woken = true;
      }),
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}
