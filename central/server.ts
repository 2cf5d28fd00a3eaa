import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAccountRepository } from './accounts/accountRepository';
import { createAuthService } from './session/authService';
import { createLoginFailureRepository } from './session/loginFailureRepository';
import { registerAccountRoutes } from './session/routes';
import { createAuditLog } from './audit/auditLogRepository';
import { createAccessPolicy } from './access/accessPolicy';
import { createSessionRepository } from './session/sessionRepository';
import { loadSigningKeys, type SigningKeySet, signingKeySource } from './session/signingKeys';
import { createAppealRepository } from './appeals/appealRepository';
import { AttachmentStore } from './appeals/attachmentStore';
import { createCallAbandonment, DEFAULT_ABANDON_AFTER_MS } from './appeals/callAbandonment';
import { type CallQueueOptions, NEIGHBOUR_RADIUS_KM, createCallQueue } from './appeals/callQueue';
import { neighbouringDepartments } from '../domain/calls/neighbours';
import { createCallService } from './appeals/callService';
import { registerCitizenRoutes } from './appeals/citizenRoutes';
import { createIntakeService } from './appeals/intakeService';
import { registerStaffAppealRoutes } from './appeals/staffRoutes';
import { createCardRepository } from './cards/cardRepository';
import { createCentreRepository } from './centre/centreRepository';
import { createPresenceBoard } from './centre/presenceBoard';
import { registerCentreRoutes } from './centre/routes';
import { registerCardRoutes } from './cards/routes';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { type DataKeySet, dataKeySource, loadDataKeys } from './db/personalData';
import { sealPersonalData } from './db/sealPersonalData';
import { seedDemo } from './demo/seed';
import { releaseClaimsWhenConsolesLeave } from './inbox/claimRelease';
import { createInboxRepository } from './inbox/inboxRepository';
import { registerInboxRoutes } from './inbox/routes';
import { DEMO_SERVICES, createServiceDirectory } from './services/serviceRepository';
import { registerServiceDirectoryRoutes } from './services/routes';
import { DepartmentDirectory } from './departments/departmentRepository';
import { registerDepartmentRoutes } from './reference/routes';
import { installErrorHandler } from './http/errors';
import { installSecurityHeaders } from './http/securityHeaders';
import { DEFAULT_BODY_LIMIT, installJsonBodyBounds } from './http/jsonBody';
import { installRefusedBodyDrain } from './http/refusedBodyDrain';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './http/rateLimits';
import { registerNetRoutes } from './net/routes';
import { createEventBus } from './bus/bus';
import { RealtimeHub } from './realtime/hub';
import { registerRealtimeRoutes } from './realtime/routes';
import { createRecordingRepository } from './recordings/recordingRepository';
import { registerRecordingRoutes } from './recordings/routes';
import { createAuditedFileSender } from './http/auditedFile';
import { registerCallQualityRoutes } from './appeals/callQualityRoutes';
import { createCallQualityRepository } from './appeals/callQualityRepository';
import { createRetentionRepository } from './retention/retentionRepository';
import { PURGE_EVERY_MS, type PurgeReport, createRetentionService } from './retention/retentionService';
import { createSyncService } from './sync/syncService';
import { registerSyncRoutes } from './sync/routes';
import { loadCountryCheck } from './territories/countryOutline';
import { TerritoryService } from './territories/territoryService';
import { createIceServers, type TurnOptions } from './turn/iceServers';
import { registerIceRoutes } from './turn/routes';
import { registerWorkstationRoutes } from './workstations/routes';
import { createAcknowledgementWatch } from './board/acknowledgementWatch';
import { registerBoardRoutes } from './board/routes';
import type { EscalatedCard } from '../domain/dispatch/board';
import type { AcknowledgementLimits } from '../domain/dispatch/acknowledgement';
import { DEMO_REFERENCE_RECORDS } from './references/demoRecords';
import { referenceRepository } from './references/referenceRepository';
import { registerReferenceRoutes } from './references/routes';
import { uploadRoutes } from './uploads/routes';
import { createUnitService, type UnitServiceOptions } from './units/unitService';
import { registerUnitRoutes } from './units/routes';
import { registerUnitDirectoryRoutes } from './units/directoryRoutes';
import { createUnitDirectory } from './units/unitDirectoryRepository';
import { startUnitSimulator } from './units/simulator';

export interface CentralOptions {
  /** 0 = a random free port (tests); default 8102. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PostgreSQL; without it, embedded PGlite. */
  databaseUrl?: string;
  /** PGlite's directory; undefined = in memory. */
  dataDir?: string;
  /** Where attachments are stored; default `<dataDir>.attachments`, or a temporary folder removed on close. */
  attachmentsDir?: string;
  /** How many days citizens' attachments and card files (photos, call recordings) are kept; default 30. */
  retentionDays?: number;
  /**
   * The token-signing keys (`CENTRAL_SIGNING_KEYS`); else read from `signingKeyFile`
   * (`CENTRAL_SIGNING_KEY_FILE`), created on first start; else `<dataDir>.signing-keys.json` for PGlite
   * on disk, or in memory when the database is. Never in the database (README: "Signing key").
   */
  signingKeys?: SigningKeySet;
  signingKeyFile?: string;
  /**
   * The keys that seal personal data at rest (`CENTRAL_DATA_KEYS`); else `dataKeyFile`
   * (`CENTRAL_DATA_KEY_FILE`), created on first start; else `<dataDir>.data-keys.json` for PGlite on disk, or
   * in memory when the database is. Never in the database (README: "Personal data key").
   */
  dataKeys?: DataKeySet;
  dataKeyFile?: string;
  /**
   * Addresses (or CIDRs, comma-separated) of reverse proxies whose X-Forwarded-For is believed
   * (`CENTRAL_TRUST_PROXY`). Behind a load balancer without it every client shares the balancer's
   * address, and the sign-in throttle per address would treat them all as one.
   */
  trustProxy?: string;
  /**
   * Requests per client per minute and socket message budgets (`central/http/rateLimits.ts`); `allow` is
   * `CENTRAL_RATE_LIMIT_ALLOW`, the channel gateways' addresses, counted by token only.
   */
  rateLimits?: Partial<RateLimits>;
  /** STUN/TURN servers handed to calls, with coturn's shared secret (README "Calls: STUN/TURN"). */
  turn?: TurnOptions;
  /** When an unanswered call escalates (default 20 s) and how near a neighbouring territory is (30 km). */
  callQueue?: CallQueueOptions;
  /** How long a waiting caller's socket may be gone before the call leaves every queue; default 30 s. */
  callAbandonAfterMs?: number;
  /**
   * Origins allowed to embed the citizen's widget in a frame (`CENTRAL_WIDGET_FRAME_ANCESTORS`); by default only
   * central's own pages may. Checked by `parseFrameAncestors`.
   */
  widgetFrameAncestors?: readonly string[];
  /** §13: when a card not taken turns red on the board (default 60 s) and when it rings the supervisor (120 s). */
  acknowledgement?: Partial<AcknowledgementLimits>;
  /** Seed demo departments, territories and one account per role; demo units move (central/units/simulator.ts). */
  demo?: boolean;
  /** Units API limits (tests and the map bench). */
  units?: UnitServiceOptions;
  /** With `demo`, whether the demo units move; default true. */
  simulateUnits?: boolean;
  /** How often the demo units report (default SIMULATOR_TICK_MS; tests drive them faster). */
  unitSimulatorTickMs?: number;
  log?: boolean;
}

export interface Central {
  url: string;
  db: 'pglite' | 'postgres';
  instanceId: string;
  /** Demo logins (password = login), empty without demo. */
  demoAccounts: readonly { login: string; role: string }[];
  app: FastifyInstance;
  /** Purges what is past retention now (it also runs at start and hourly); tests pass their own clock. */
  purgeExpired(now?: Date): Promise<PurgeReport>;
  /** Rings the supervisor about every card not taken in time at `now` (it also runs every second). */
  checkAcknowledgements(now?: Date): Promise<EscalatedCard[]>;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Recordings and attachments are kept 30 days unless configured otherwise (architecture.md). */
export const DEFAULT_RETENTION_DAYS = 30;

async function packageVersion(): Promise<string> {
  const pkg: unknown = JSON.parse(await readFile(join(here, '../package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : '0.0.0';
}

/** The one place that wires central: database, services, routes, realtime. */
export async function startCentral(options: CentralOptions = {}): Promise<Central> {
  const ice = createIceServers(options.turn);
  const signingKeys = await loadSigningKeys(signingKeySource(options));
  const dataKeys = await loadDataKeys(dataKeySource(options));
  const db = await openDatabase(options);
  try {
    await migrate(db);
    await sealPersonalData(db, dataKeys);
  } catch (error) {
    await db.close();
    throw error;
  }
  const accounts = createAccountRepository(db);
  const departments = new DepartmentDirectory(db);
  const demo = options.demo ? await seedDemo(db, accounts) : null;
  await departments.reload();

  const bus = await createEventBus(db);
  const presence = createPresenceBoard(bus);
  const territories = new TerritoryService(db, departments, bus);
  await territories.reload();
  const loginFailures = createLoginFailureRepository(db);
  const auth = createAuthService({
    accounts,
    sessions: createSessionRepository(db),
    failures: loginFailures,
    departments,
    keys: signingKeys,
    bus,
  });
  const appeals = createAppealRepository(db);
  const inbox = createInboxRepository(db);
  const services = createServiceDirectory(db);
  if (options.demo) await services.upsert(DEMO_SERVICES);
  if (options.demo) await referenceRepository.upsert(db, DEMO_REFERENCE_RECORDS);
  const stopReleasingClaims = releaseClaimsWhenConsolesLeave(bus, inbox);
  const cards = createCardRepository();
  const recordings = createRecordingRepository();
  const callQuality = createCallQualityRepository();
  const audit = createAuditLog(db);
  const access = createAccessPolicy({ audit });
  const intake = createIntakeService({ db, appeals, departments, territories, bus });
  const neighbourRadiusKm = options.callQueue?.neighbourRadiusKm ?? NEIGHBOUR_RADIUS_KM;
  const calls = createCallService({
    appeals,
    bus,
    neighboursOf: (appeal) =>
      neighbouringDepartments(territories.list(), appeal.departmentId, appeal.location, neighbourRadiusKm),
  });
  const abandonment = createCallAbandonment({
    withdraw: calls.withdraw,
    graceMs: options.callAbandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS,
  });
  const inCountry = loadCountryCheck();
  const sync = createSyncService({
    db,
    bus,
    access,
    cards,
    appeals,
    departments,
    territories,
    recordings,
    inCountry,
  });
  const units = createUnitService({ db, bus, inCountry, options: options.units });
  const ownTempDir =
    options.attachmentsDir || options.dataDir ? null : await mkdtemp(join(tmpdir(), 'central-attachments-'));
  const attachments = new AttachmentStore(
    options.attachmentsDir ?? (options.dataDir ? `${options.dataDir}.attachments` : (ownTempDir ?? '')),
  );

  const app = Fastify({
    bodyLimit: DEFAULT_BODY_LIMIT,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Requests are logged by method and path only: query strings carry tokens, bodies carry personal data.
    logger: options.log
      ? {
          level: 'info',
          serializers: { req: (req) => ({ method: req.method, path: req.url.split('?')[0] }) },
        }
      : false,
  });
  installErrorHandler(app);
  installSecurityHeaders(app, { widgetFrameAncestors: options.widgetFrameAncestors });
  // Both install onRoute hooks, so they come before every route.
  installJsonBodyBounds(app);
  installRefusedBodyDrain(app);
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  await installRateLimits(app, rateLimits);
  const hub = new RealtimeHub(bus, access, (error) =>
    app.log.error({ err: error }, 'a realtime event could not be sent'),
  );
  const queue = createCallQueue(
    { appeals, bus, hub, territories: () => territories.list() },
    options.callQueue,
  );
  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });

  const version = await packageVersion();
  app.get('/health', async () => ({ status: 'ok', db: db.kind, version, instanceId: bus.instanceId }));
  registerAccountRoutes(app, { auth, accounts, departments, loginFailures, audit });
  registerServiceDirectoryRoutes(app, { auth, services, audit });
  registerUnitDirectoryRoutes(app, {
    auth,
    unitDirectory: createUnitDirectory(db),
    departments,
    audit,
    announce: (unitId) => units.announce(unitId),
  });
  registerDepartmentRoutes(app, { db, auth, departments, territories, audit, inCountry });
  registerCitizenRoutes(app, { intake, appeals, attachments });
  const sendFile = createAuditedFileSender(audit);
  registerStaffAppealRoutes(app, { access, auth, appeals, attachments, intake, calls, sendFile });
  registerInboxRoutes(app, { db, auth, bus, appeals, inbox, services });
  registerCardRoutes(app, { db, auth, cards, access });
  registerCentreRoutes(app, { auth, centre: createCentreRepository(db), presence });
  const watch = createAcknowledgementWatch({
    db,
    bus,
    ...(options.acknowledgement ? { limits: options.acknowledgement } : {}),
    onError: (error) => app.log.error({ err: error }, 'the acknowledgement check failed'),
  });
  registerBoardRoutes(app, { db, auth, cards, appeals, access, watch });
  registerReferenceRoutes(app, { db, auth, cards, audit, bus });
  registerSyncRoutes(app, { auth, sync });
  registerUnitRoutes(app, { auth, units });
  registerIceRoutes(app, { auth, intake, ice });
  registerRealtimeRoutes(app, {
    auth,
    hub,
    bus,
    calls,
    appeals,
    messageBudget: { burst: rateLimits.socketMessageBurst, perSecond: rateLimits.socketMessagesPerSecond },
    abandonment,
    queue,
  });
  registerNetRoutes(app, { auth });
  registerWorkstationRoutes(app, { db, auth });
  // Resumable card files (photos, recordings) beside the attachments: its own plugin, so its octet-stream parser stays local.
  const cardFilesDir = join(attachments.root, 'card-files');
  registerRecordingRoutes(app, { db, auth, cards, recordings, callQuality, cardFilesDir, sendFile });
  registerCallQualityRoutes(app, { db, auth, appeals, quality: callQuality });
  await app.register(uploadRoutes({ auth, dir: cardFilesDir, db, cards }));
  await app.register(fastifyStatic, { root: join(here, 'widget'), prefix: '/widget/', index: 'index.html' });

  const retention = createRetentionService({
    days: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
    repository: createRetentionRepository(db),
    attachments,
    cardFilesDir,
  });
  const purgeQuietly = () =>
    retention
      .purgeExpired()
      .catch((error: unknown) => app.log.error({ err: error }, 'retention purge failed'));
  await purgeQuietly();
  const purgeTimer = setInterval(() => void purgeQuietly(), PURGE_EVERY_MS);
  purgeTimer.unref();

  const simulator =
    options.demo && options.simulateUnits !== false
      ? startUnitSimulator({
          units,
          departments,
          incidentPlace: async (cardId) => (await cards.byId(db, cardId))?.card.location ?? null,
          systemAccounts: async () => (await accounts.list()).filter((a) => a.role === 'integration'),
          tickMs: options.unitSimulatorTickMs,
          onError: (error) => app.log.error({ err: error }, 'the demo unit simulator failed'),
        })
      : null;

  const address = await app.listen({ port: options.port ?? 8102, host: options.host ?? '127.0.0.1' });
  return {
    url: address,
    db: db.kind,
    instanceId: bus.instanceId,
    demoAccounts: demo?.accounts ?? [],
    app,
    purgeExpired: (now) => retention.purgeExpired(now),
    checkAcknowledgements: (now) => watch.check(now),
    async close() {
      clearInterval(purgeTimer);
      watch.close();
      simulator?.stop();
      abandonment.close();
      queue.close();
      hub.close();
      presence.close();
      stopReleasingClaims();
      await closeWithin(app, CLOSE_GRACE_MS);
      await bus.close();
      await db.close();
      if (ownTempDir) await attachments.removeAll();
    },
  };
}

/**
 * How long requests in flight and sockets' close handshakes may take when central stops. Under load a stop
 * waited for ever in Fastify's close (seen in e2e: still running 15 s after SIGTERM), so a restart by IT hung.
 */
const CLOSE_GRACE_MS = 3_000;

/** Fastify's close, and after `graceMs` every connection and socket still open is cut. */
async function closeWithin(app: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => {
    for (const socket of app.websocketServer.clients) socket.terminate();
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}
