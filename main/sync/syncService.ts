import type { Card } from '../../domain/card';
import type { SyncStatus } from '../../domain/syncStatus';
import { type SessionService, createSessionService } from '../auth/session';
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
import { createRealtimeLink } from './realtime';

export interface SyncService {
  session: SessionService;
  engine: SyncEngine;
  status(): SyncStatus;
  syncNow(): void;
  stop(): Promise<void>;
}

/**
 * Sync with central when the workstation has a `centralUrl`: sign-in, the engine and the realtime link,
 * started once someone signs in and stopped when they sign out.
 */
const REFERENCE_REFRESH_MS = 10 * 60_000;

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
  /** The sync status may have changed (many times a second while the engine works). */
  onStatusChanged(): void;
  backoff?: BackoffPolicy;
  batchSize?: number;
  files?: CardFiles;
  referenceData?: ReferenceData;
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

  /** Departments change rarely: refresh the offline copy after a good round, at most every few minutes. */
  async function refreshReferenceData(token: string): Promise<void> {
    const cached = deps.referenceData?.departments();
    if (cached?.fetchedAt && deps.now().getTime() - Date.parse(cached.fetchedAt) < REFERENCE_REFRESH_MS)
      return;
    const answer = await client.departments(token);
    if (answer.ok) deps.referenceData?.saveDepartments(answer.value.departments);
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
    afterRound: deps.referenceData ? (token) => refreshReferenceData(token) : undefined,
    onCardsChanged: deps.onCardsChanged,
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
    },
    onNudge: () => engine.wake(),
  });
  session.onChange((s) => {
    deps.outbox.setAccount(s?.login ?? null);
    if (s) {
      engine.start();
      realtime.start();
    } else {
      realtime.stop();
      void engine.stop();
      deps.connectivity.set('offline');
    }
  });
  return {
    session,
    engine,
    status,
    syncNow: () => engine.wake(),
    async stop() {
      realtime.stop();
      await engine.stop();
    },
  };
}
