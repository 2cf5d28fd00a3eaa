import { createUnitStore } from './store/units';
import { createUnitsService, type UnitsService } from './units/unitsService';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AppInfo } from '../domain/contract/ipc';
import { requirementsFromConfig } from '../domain/workstation/workstation';
import { type CallRelay, createCallRelay } from './calls/callRelay';
import { type CardAudience, createCardAudience } from './cardAudience';
import { CONFIG_FILE_NAME, type MachineConfig, iceServersInForce, roleLockOf } from './config';
import { type ConfigReport, reportOfGivenConfig } from './diagnostics/configReport';
import { type DiagnosticsService, createDiagnostics } from './diagnostics/service';
import { type ConnectivityService, createConnectivity } from './connectivity';
import { type ConsoleEventBus, createEventBus } from './events';
import type { Logger } from './log';
import { type RecordingService, createRecordingService } from './recordings/recordingService';
import { type RecordingJournal, createRecordingJournal } from './recordings/recordingJournal';
import { type RecordingPlayer, createRecordingPlayer } from './recordings/recordingPlayer';
import { type CardRepository, createCardRepository } from './store/cards';
import { type ChatRepository, createChatRepository } from './store/chat';
import type { AtRestKeySource } from './store/atRestKeys';
import { DATABASE_FILE_NAME, openDatabase } from './store/database';
import { type CardFiles, createCardFiles } from './files/cardFiles';
import {
  DEFAULT_FILE_RETENTION_DAYS,
  type FileRetention,
  createFileRetention,
} from './retention/fileRetention';
import { createCardFileRepository } from './store/cardFiles';
import { createChangeNotifier } from './store/changeNotifier';
import { createOutbox } from './store/outbox';
import { createRecordingRepository } from './store/recordings';
import { type ReferenceData, createReferenceData } from './store/referenceData';
import { type SyncLedger, createSyncLedger } from './store/syncLedger';
import { coalesce } from './sync/coalesce';
import { type InboxService, createInboxService } from './inbox/inboxService';
import { type AttachmentViewer, createAttachmentViewer } from './inbox/attachmentViewer';
import { isInboxNews } from './inbox/inboxNews';
import { type CentreService, createCentreService, isCentreNews } from './centre/centreService';
import { createInboxStore } from './inbox/inboxStore';
import { createInboxActions } from './store/inboxActions';
import { type SyncService, createSync } from './sync/syncService';
import { type BoardService, createBoardService } from './board/boardService';
import { createBoardStore } from './board/boardStore';
import { createQueuedChecks } from './store/queuedChecks';
import { boardNews } from './board/boardNews';
import { createWorkstationCentral } from './workstation/centralReports';
import { loadWorkstationId } from './workstation/workstationId';
import { type AdminService, createAdminService } from './admin/adminService';
import { type WorkstationService, createWorkstationService } from './workstation/service';

/** A few status updates a second are what the status bar needs, whatever the engine or the operator does. */
const SYNC_STATUS_INTERVAL_MS = 250;
/**
 * The window hears of inbox news at once, then at most every 2 s while a burst lasts: each reading of a
 * 10,000-item list costs the window a long frame (bench/queue-render).
 */
const INBOX_CHANGED_INTERVAL_MS = 2_000;
/** The supervisor's view follows central's news at once, then at most once a second while a burst lasts. */
const CENTRE_CHANGED_INTERVAL_MS = 1_000;

export interface Services {
  info: AppInfo;
  cards: CardRepository;
  /** Who sees which cards: the signed-in account, by role and territory (central's rule). */
  audience: CardAudience;
  /** The chat with the citizen of a card's appeal (§2). */
  chat: ChatRepository;
  /** Call recordings: registered with their card, uploaded after it. */
  recordings: RecordingService;
  /** Recordings being written while their call runs, chunk by chunk; those a crash left are finished at start. */
  recordingJournal: RecordingJournal;
  /** Recordings played from central (§17: supervisors), each play audited there. */
  recordingPlayer: RecordingPlayer;
  attachmentViewer: AttachmentViewer;
  connectivity: ConnectivityService;
  events: ConsoleEventBus;
  workstation: WorkstationService;
  /** The outbox at a glance (unsent operations, per-card sync state). */
  syncLedger: SyncLedger;
  /** Tells the windows the sync status changed: at once, then at most every 250 ms with the latest. */
  syncStatusChanged(): void;
  /** Central's departments as last received, for offline work. */
  referenceData: ReferenceData;
  /** Photos attached to cards, kept here and uploaded after their card. */
  files: CardFiles;
  retention: FileRetention;
  /** Sign-in and sync; null when the workstation has no `centralUrl` (the console then works alone). */
  sync: SyncService | null;
  /** The About screen and the diagnostics bundle (issue 15). */
  diagnostics: DiagnosticsService;
  /** The operator's inbox; null without central (nothing comes in then). */
  inbox: InboxService | null;
  /** Calls ringing, accepted and signalled through central's socket; null without central. */
  calls: CallRelay | null;
  /** The supervisor's view of the centre (§16); null without central. */
  centre: CentreService | null;
  /** The senior inspector's board and the duty unit's checks (issue 14); null without central. */
  board: BoardService | null;
  /** The admin's desk (§28): accounts and territories on central; null without central. */
  admin: AdminService | null;
  /** Units as live data of the signed-in account's territory (§13), with the offline copy and dispatch. */
  units: UnitsService;
  log: Logger;
  close(): void;
}

export interface ServicesOptions {
  runtime: AppInfo['runtime'];
  version: string;
  dataDir: string;
  logDir: string;
  config: MachineConfig;
  /** Each setting's source and the ignored values; absent, `config` reads as the user's file's. */
  configReport?: ConfigReport;
  log: Logger;
  nativeBinding?: string;
  /** Where the at-rest keys live (Electron: sealed by the OS); default: host mode's key file in the data folder. */
  atRestKeys?: AtRestKeySource;
}

export { DATABASE_FILE_NAME } from './store/database';

/** The one place that constructs the console's services; Electron and host mode both start here. */
export function createServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const now = () => new Date();
  const db = openDatabase(join(options.dataDir, DATABASE_FILE_NAME), {
    nativeBinding: options.nativeBinding,
    ...(options.atRestKeys ? { keys: options.atRestKeys } : {}),
  });
  // Every write of the store is announced here: the windows hear of it and the sync wakes (below, and the engine).
  const changes = createChangeNotifier();
  const outbox = createOutbox(db, { now, newId: uuidv7, changes });
  const cards = createCardRepository(db, { now, newId: uuidv7, outbox, changes });
  const chat = createChatRepository(db, { now, cards, outbox });
  const syncLedger = createSyncLedger(db, { cards, outbox, chat });
  const cardFileRepository = createCardFileRepository(db);
  const referenceData = createReferenceData(db, { now });
  // Events about cards reach the windows only for cards the signed-in account may see (audience, below).
  const events = createEventBus((event, payload) => audience.mayShow(event, payload));
  const syncStatusChanged = coalesce(
    () => events.emit('sync.changed', syncLedger.status()),
    SYNC_STATUS_INTERVAL_MS,
  );
  const connectivity = createConnectivity(now);
  // A burst of appeals (a flood, a shift's start) reads the inbox again a few times a second, not per appeal.
  const inboxChanged = coalesce(() => events.emit('inbox.changed', {}), INBOX_CHANGED_INTERVAL_MS);
  // Fan-in: a shift's worth of presence, appeals and cards reads the supervisor's view at most once a second.
  const centreChanged = coalesce(() => events.emit('centre.changed', {}), CENTRE_CHANGED_INTERVAL_MS);
  const files = createCardFiles({
    dir: join(options.dataDir, 'files'),
    files: cardFileRepository,
    newId: uuidv7,
    now,
    changes,
  });
  const emitCard = (cardId: string) => {
    const card = cards.get(cardId);
    if (card) events.emit('cards.changed', { card });
  };
  const stopAnnouncing = changes.subscribe((change) => {
    if (change.kind === 'file') {
      events.emit('cards.filesChanged', { cardId: change.cardId, files: files.list(change.cardId) });
      return;
    }
    if (change.kind === 'card') return emitCard(change.cardId);
    const { operation } = change;
    if (operation.type === 'chat.message')
      events.emit('chat.changed', { appealId: operation.payload.appealId });
    else if (operation.type.startsWith('inbox.')) inboxChanged();
    else if (operation.type !== 'recording.meta') emitCard(operation.cardId);
    syncStatusChanged();
  });
  const retention = createFileRetention({
    files: cardFileRepository,
    cardFiles: files,
    // IT's recordingRetentionDays (config or Group Policy) when set: recordings and photos share the purge.
    retentionDays: options.config.recordingRetentionDays ?? DEFAULT_FILE_RETENTION_DAYS,
    now,
    onPurged: (cardId) => events.emit('cards.filesChanged', { cardId, files: files.list(cardId) }),
  });
  retention.start();
  const recordings = createRecordingService({
    files,
    recordings: createRecordingRepository(db, { now, outbox, files: cardFileRepository }),
  });
  const recordingJournal = createRecordingJournal({
    dir: join(options.dataDir, 'recordings-in-progress'),
    recordings,
    newId: uuidv7,
    now,
    log: options.log,
  });
  recordingJournal.start();
  connectivity.onChange((c) => events.emit('connectivity.changed', c));
  // Built after sync (it sends through sync's socket), but sync hands it central's frames from the start.
  let calls: CallRelay | null = null;
  let centre: CentreService | null = null;
  let units: UnitsService | null = null;
  const sync = options.config.centralUrl
    ? createSync({
        db,
        centralUrl: options.config.centralUrl,
        outbox,
        ledger: syncLedger,
        changes,
        connectivity,
        events,
        statusChanged: syncStatusChanged,
        maxOfflineAgeMs: (options.config.offlineSignInMaxAgeHours ?? 72) * 3_600_000,
        roleLock: options.configReport ? roleLockOf(options.configReport) : null,
        log: options.log,
        now,
        referenceData,
        onRealtimeMessage: (json) => {
          calls?.fromCentral(json);
          units?.fromCentral(json);
          if (isInboxNews(json)) inboxChanged();
          if (isCentreNews(json) && centre?.watching()) centreChanged();
          const news = boardNews(json);
          if (news) events.emit(news.event, news.payload);
        },
        onRealtimeUp: (up) => {
          calls?.linkUp(up);
          // Down: the view becomes the last copy, plainly stale; up: what moved meanwhile is read at once.
          if (centre?.watching()) centreChanged();
          // Every (re)connection pulls the whole list of units: what moved while the socket was down is not replayed.
          if (up) void units?.refresh();
        },
        files: { cardFiles: files, repository: cardFileRepository },
      })
    : null;
  const inbox =
    sync && options.config.centralUrl
      ? createInboxService({
          central: sync.central,
          account: () => sync.session.current(),
          store: createInboxStore(db),
          actions: createInboxActions(db, { outbox, now }),
          now,
        })
      : null;
  // The last copies from central the board and the centre view show while central is out of reach.
  const copies = createBoardStore(db);
  centre = sync
    ? createCentreService({ central: sync.central, account: () => sync.session.current(), copies, now })
    : null;
  const board = sync
    ? createBoardService({
        central: sync.central,
        store: copies,
        checks: createQueuedChecks(db, { outbox }),
        now,
      })
    : null;
  calls =
    sync && options.config.centralUrl
      ? createCallRelay({
          central: sync.central,
          session: sync.session,
          realtime: sync.realtime,
          emit: (event) => events.emit('calls.event', event),
          log: options.log,
          iceServersInForce: (fromCentral) => iceServersInForce(fromCentral, options.config.iceServers),
        })
      : null;
  sync?.session.onChange(() => calls?.sessionChanged());
  const recordingPlayer = createRecordingPlayer({ central: () => sync?.central ?? null });
  const attachmentViewer = createAttachmentViewer({ central: () => sync?.central ?? null });
  const audience = createCardAudience({
    session: sync?.session ?? null,
    configuredRole: options.config.role,
    referenceData,
    cards,
  });
  units = createUnitsService({
    store: createUnitStore(db, { outbox }),
    central: sync?.central ?? null,
    session: () => sync?.session.current() ?? null,
    emit: (changed) => events.emit('units.changed', { units: changed }),
    now,
  });
  const unitsService = units;
  sync?.session.onChange((session) => {
    if (session) void unitsService.refresh();
  });
  sync?.session.onChange((session) => events.emit('session.changed', { session }));
  const admin = sync ? createAdminService({ central: sync.central, log: options.log }) : null;
  const workstationCentral = sync
    ? createWorkstationCentral({
        central: sync.central,
        workstationId: loadWorkstationId(options.dataDir, hostname()),
        log: options.log,
      })
    : null;
  const workstation = createWorkstationService({
    dataDir: options.dataDir,
    centralUrl: options.config.centralUrl,
    accessToken: sync ? () => sync.session.accessToken() : undefined,
    requirements: requirementsFromConfig(options.config.workstation),
    chromeVersion: process.versions.chrome,
    log: options.log,
    now,
    onProgress: (progress) => events.emit('workstation.progress', progress),
    onReport: (report, readiness) => events.emit('workstation.changed', { report, readiness }),
    central: workstationCentral,
  });
  // A check that ran before sign-in reaches central once someone signs in.
  sync?.session.onChange((session) => {
    if (session) workstation.publishLast();
  });
  options.log.info('services.started', { runtime: options.runtime, version: options.version });
  const info: AppInfo = {
    version: options.version,
    runtime: options.runtime,
    role: options.config.role,
    dataDir: options.dataDir,
    logDir: options.logDir,
    centralUrl: options.config.centralUrl,
    tileUrl: options.config.map.tileUrl,
    language: options.config.language,
    hotkeys: options.config.hotkeys,
  };
  const diagnostics = createDiagnostics({
    info,
    configReport:
      options.configReport ?? reportOfGivenConfig(options.config, join(options.dataDir, CONFIG_FILE_NAME)),
    readiness: () => workstation.lastReport(),
    sync: () => syncLedger.status(),
    log: options.log,
    now,
  });
  return {
    info,
    cards,
    audience,
    chat,
    recordings,
    recordingJournal,
    recordingPlayer,
    attachmentViewer,
    connectivity,
    events,
    workstation,
    syncLedger,
    syncStatusChanged,
    referenceData,
    files,
    retention,
    sync,
    diagnostics,
    inbox,
    calls,
    centre,
    board,
    admin,
    units: unitsService,
    log: options.log,
    close: () => {
      // A write's announcement still on its way finds no listener, not a closed database.
      stopAnnouncing();
      retention.stop();
      recordingJournal.stop();
      syncStatusChanged.cancel();
      inboxChanged.cancel();
      centreChanged.cancel();
      void sync?.stop();
      db.close();
    },
  };
}
