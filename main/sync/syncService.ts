import type { Role } from '../../domain/session/roles';
import type { SyncStatus } from '../../domain/sync/syncStatus';
import { type SessionService, createSessionService } from '../session/session';
import type { ConnectivityService } from '../connectivity';
import type { ConsoleEventBus } from '../events';
import type { Logger } from '../log';
import type { CardFileRepository } from '../store/cardFiles';
import type { ChangeNotifier } from '../store/changeNotifier';
import { createOfflineAccounts } from '../store/offlineAccounts';
import type { Outbox } from '../store/outbox';
import type { ReferenceData } from '../store/referenceData';
import type { SyncLedger } from '../store/syncLedger';
import type Database from 'better-sqlite3';
import type { CardFiles } from '../files/cardFiles';
import { type SignedInCentral, createCentralClient } from '../central/client';
import type { BackoffPolicy } from './backoff';
import { type SyncEngine, createSyncEngine } from './engine';
import { UPLOAD_TIMEOUT_MS, createFileUploads } from './fileUploads';
import { createReferenceRefresh } from './referenceRefresh';
import { type RealtimeLink, createRealtimeLink } from './realtime';

export interface SyncService {
  session: SessionService;
  /** Central as the signed-in account: every call of main to central goes through it. */
  central: SignedInCentral;
  engine: SyncEngine;
  /** Central's socket, for the frames calls send (main/calls). */
  realtime: Pick<RealtimeLink, 'send' | 'hurry'>;
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
  /** The store's announcements of what it wrote: the engine wakes on them. */
  changes: ChangeNotifier;
  connectivity: ConnectivityService;
  /** The windows hear here of what sync changed: cards, chats, files, reference data. */
  events: ConsoleEventBus;
  /** The sync status may have changed (many times a second while the engine works). */
  statusChanged(): void;
  maxOfflineAgeMs: number;
  /** IT's role lock: sign-in refuses accounts of another role (main/config/roleLock.ts). */
  roleLock?: Role | null;
  log: Logger;
  now: () => Date;
  backoff?: BackoffPolicy;
  batchSize?: number;
  files?: { cardFiles: CardFiles; repository: CardFileRepository };
  referenceData?: ReferenceData;
  /** Frames central sends beyond the feed's nudges (calls), and when the socket opens or drops. */
  onRealtimeMessage?(json: unknown): void;
  onRealtimeUp?(up: boolean): void;
}): SyncService {
  const client = createCentralClient(deps.centralUrl);
  const session = createSessionService({
    client,
    offline: createOfflineAccounts(deps.db),
    maxOfflineAgeMs: deps.maxOfflineAgeMs,
    roleLock: deps.roleLock,
    now: deps.now,
    log: deps.log,
  });
  const status = () => deps.ledger.status();
  const central = client.signedIn(session);

  const reference = deps.referenceData
    ? createReferenceRefresh({
        central,
        store: deps.referenceData,
        log: deps.log,
        now: deps.now,
        onChanged: (kind) => deps.events.emit('reference.changed', { kind }),
      })
    : null;
  /** The signed-in account's copy; `force` right after a sign-in, else only what is older than the period. */
  async function refreshReference(force: boolean): Promise<void> {
    const account = session.current();
    if (reference && account) await reference.refresh(account.departmentId, { force });
  }
  const files = deps.files;
  const uploads = files
    ? createFileUploads({
        // A chunk may take longer than a JSON request on a slow link.
        central: createCentralClient(deps.centralUrl, { timeoutMs: UPLOAD_TIMEOUT_MS }).signedIn(session),
        files: files.repository,
        cardFiles: files.cardFiles,
        onChanged: (cardId) =>
          deps.events.emit('cards.filesChanged', { cardId, files: files.cardFiles.list(cardId) }),
      })
    : null;

  const engine = createSyncEngine({
    central,
    outbox: deps.outbox,
    ledger: deps.ledger,
    changes: deps.changes,
    connectivity: deps.connectivity,
    events: deps.events,
    statusChanged: deps.statusChanged,
    log: deps.log,
    now: deps.now,
    backoff: deps.backoff,
    batchSize: deps.batchSize,
    uploadFiles: uploads ? () => uploads.upload() : undefined,
    afterRound: reference ? () => refreshReference(false) : undefined,
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
        void refreshReference(true).catch(() =>
          deps.log.warn('reference.refresh.failed', { kind: 'all', failure: 'internal' }),
        );
    } else {
      realtime.stop();
      void engine.stop();
      deps.connectivity.set('offline');
    }
  });
  return {
    session,
    central,
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
