import type { Card } from '../../domain/cards/card';
import type { ReferenceKind } from '../../domain/reference/reference';
import type { SyncStatus } from '../../domain/sync/syncStatus';
import { type SessionService, createSessionService } from '../session/session';
import type { ConnectivityService } from '../connectivity';
import type { Logger } from '../log';
import { createOfflineAccounts } from '../store/offlineAccounts';
import type { Outbox } from '../store/outbox';
import type { ReferenceData } from '../store/referenceData';
import type { SyncLedger } from '../store/syncLedger';
import type Database from 'better-sqlite3';
import type { CardFiles } from '../files/cardFiles';
import type { BackoffPolicy } from './backoff';
import { createCentralClient } from './centralClient';
import { type SyncEngine, createSyncEngine } from './engine';
import { createReferenceRefresh } from './referenceRefresh';
import { type RealtimeLink, createRealtimeLink } from './realtime';

export interface SyncService {
  session: SessionService;
  engine: SyncEngine;
  /** Central's socket, for the frames calls send (main/calls). */
  realtime: Pick<RealtimeLink, 'send'>;
  status(): SyncStatus;
  syncNow(): void;
  stop(): Promise<void>;
}

/**
 * Sync with central when the workstation has a `centralUrl`: sign-in, the engine and the realtime link,
 * started once someone signs in and stopped when they sign out.
 */
export function createSync(deps: {
  db: Database.Database;
  centralUrl: string;
  outbox: Outbox;
  ledger: SyncLedger;
  connectivity: ConnectivityService;
  maxOfflineAgeMs: number;
  log: Logger;
  now: () => Date;
  onCardsChanged(cards: Card[]): void;
  onChatChanged(appealIds: string[]): void;
  /** The sync status may have changed (many times a second while the engine works). */
  onStatusChanged(): void;
  backoff?: BackoffPolicy;
  batchSize?: number;
  files?: CardFiles;
  referenceData?: ReferenceData;
  /** Central's reference data changed in the offline copy (the renderer reloads it). */
  onReferenceChanged?(kind: ReferenceKind): void;
  /** Frames central sends beyond the feed's nudges (calls), and when the socket opens or drops. */
  onRealtimeMessage?(json: unknown): void;
  onRealtimeUp?(up: boolean): void;
}): SyncService {
  const client = createCentralClient(deps.centralUrl);
  const session = createSessionService({
    client,
    offline: createOfflineAccounts(deps.db),
    maxOfflineAgeMs: deps.maxOfflineAgeMs,
    now: deps.now,
    log: deps.log,
  });
  const status = () => deps.ledger.status();

  const reference = deps.referenceData
    ? createReferenceRefresh({
        client,
        store: deps.referenceData,
        log: deps.log,
        now: deps.now,
        onChanged: (kind) => deps.onReferenceChanged?.(kind),
      })
    : null;
  /** The signed-in account's copy; `force` right after a sign-in, else only what is older than the period. */
  async function refreshReference(token: string, force: boolean): Promise<void> {
    const account = session.current();
    if (reference && account) await reference.refresh(token, account.departmentId, { force });
  }

  const engine = createSyncEngine({
    client,
    tokens: session,
    outbox: deps.outbox,
    ledger: deps.ledger,
    connectivity: deps.connectivity,
    log: deps.log,
    now: deps.now,
    backoff: deps.backoff,
    batchSize: deps.batchSize,
    uploadFiles: deps.files
      ? (token) => deps.files?.upload(deps.centralUrl, token) ?? Promise.resolve({ ok: true as const })
      : undefined,
    afterRound: reference ? (token) => refreshReference(token, false) : undefined,
    onCardsChanged: deps.onCardsChanged,
    onChatChanged: deps.onChatChanged,
    onStatusChanged: deps.onStatusChanged,
  });
  const realtime = createRealtimeLink({
    centralUrl: deps.centralUrl,
    tokens: session,
    log: deps.log,
    backoff: deps.backoff,
    onUp: (up) => {
      engine.setRealtimeUp(up);
      // A socket that drops is the first sign central went away: check the link now, not at the next poll.
      if (!up) engine.wake();
      deps.onRealtimeUp?.(up);
    },
    onNudge: () => engine.wake(),
    onMessage: (json) => deps.onRealtimeMessage?.(json),
  });
  session.onChange((s) => {
    deps.outbox.setAccount(s?.login ?? null);
    if (s) {
      engine.start();
      realtime.start();
      // Every sign-in online checks the account's copy at once, whatever its age: the account may be
      // another one, and roles that do not sync cards (admin, employee) get no sync rounds to do it.
      if (s.mode === 'online')
        void session
          .accessToken()
          .then((token) => (token ? refreshReference(token, true) : undefined))
          .catch(() => deps.log.warn('reference.refresh.failed', { kind: 'all', failure: 'internal' }));
    } else {
      realtime.stop();
      void engine.stop();
      deps.connectivity.set('offline');
    }
  });
  return {
    session,
    engine,
    realtime,
    status,
    syncNow: () => engine.wake(),
    async stop() {
      realtime.stop();
      await engine.stop();
      await reference?.settled();
    },
  };
}
