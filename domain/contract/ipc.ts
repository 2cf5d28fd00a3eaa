import { DispatchInputSchema, UnitIdSchema, UnitSchema, UnitStatusSchema } from '../dispatch/unit';
import { AttachmentListResultSchema, AttachmentRefSchema } from '../appeals/attachmentView';
import { z } from 'zod';
import { RefusalOnWireSchema } from './refusal';
import { storableText } from './text';
import { CardDraftInputSchema, CardIdSchema, CardSchema } from '../cards/card';
import {
  AttachPhotoInputSchema,
  AttachPhotoResultSchema,
  CardFileSchema,
  PhotoTypeSchema,
} from '../files/cardFile';
import {
  ChatListInputSchema,
  ChatListResultSchema,
  ChatSendInputSchema,
  ChatSendResultSchema,
} from '../chat/chat';
import { AboutSchema, DiagnosticsBundleSchema, RendererLogSchema } from '../diagnostics/diagnostics';
import { DepartmentSchema, PatrolUnitSchema } from '../reference/department';
import { ReferenceKindSchema } from '../reference/reference';
import { RoleSchema } from '../session/roles';
import { SessionSchema, SignInInputSchema, SignInResultSchema } from '../session/session';
import { SyncStatusSchema } from '../sync/syncStatus';
import { TerritorySchema } from '../places/territory';
import { TransitionInputSchema } from '../cards/workflow';
import {
  CompetentServiceSchema,
  ForwardInputSchema,
  InboxAnswerSchema,
  InboxQueuedActionSchema,
} from '../inbox/inbox';
import { InboxListAnswerSchema } from '../inbox/inboxChanges';
import {
  CheckProgressSchema,
  ConsoleWindowFactsSchema,
  WorkstationReadinessSchema,
  WorkstationReportSchema,
} from '../workstation/workstation';
import { WorkstationFleetSchema } from '../workstation/workstationFleet';
import {
  CallAcceptInputSchema,
  CallCardInputSchema,
  CallEventSchema,
  CallPresenceInputSchema,
  CallQualityInputSchema,
  CallSentSchema,
  CallSignalInputSchema,
  RingingCallSchema,
} from '../calls/call';
import { IceConfigSchema } from '../calls/iceConfig';
import { CentreViewSchema } from '../centre/centre';
import {
  AcknowledgementLimitsSchema,
  BoardDetailsSchema,
  EscalatedCardSchema,
  IdentifiedApplicantSchema,
  boardAnswerSchema,
} from '../dispatch/board';
import {
  QueuedCheckSchema,
  ReferenceCheckAnswerSchema,
  ReferenceCheckInputSchema,
} from '../dispatch/warning';
import {
  RecordingBeginInputSchema,
  RecordingChunkInputSchema,
  RecordingListResultSchema,
  RecordingMetaSchema,
  RecordingOpenResultSchema,
  RecordingSliceSchema,
} from '../files/recording';
import { RecordingPieceResultSchema, RecordingReadInputSchema } from '../files/recordingPlay';
import {
  AccountChangesSchema,
  AccountViewSchema,
  adminAnswerSchema,
  NewAccountSchema,
} from '../admin/account';
import { TerritoryImportSchema } from '../places/territory';
import {
  NewServiceSchema,
  ServiceChangesSchema,
  ServiceEntrySchema,
  ServiceIdParamsSchema,
  NewUnitSchema,
  UnitChangesSchema,
  UnitDirectoryQuerySchema,
  UnitEntrySchema,
  UnitIdParamsSchema,
} from '../admin/directories';

/**
 * The console API: the one contract between the renderer and main.
 * Electron carries it over IPC (preload), host mode over a loopback WebSocket (domain/contract/ipcWire.ts);
 * both sides are derived from this table, so adding a method is one entry here and one handler in main/api.ts.
 */

const NoInput = z.object({}).strict();

export const ConnectivitySchema = z.object({
  state: z.enum(['online', 'degraded', 'offline']),
  since: z.iso.datetime(),
});
export type Connectivity = z.infer<typeof ConnectivitySchema>;

export const AppInfoSchema = z.object({
  version: storableText(),
  /** How the console runs: an Electron window on a workstation, or host mode for a browser. */
  runtime: z.enum(['electron', 'host']),
  role: RoleSchema,
  dataDir: storableText(),
  logDir: storableText(),
  centralUrl: z.url().nullable(),
  /** Tile URL template of an internal tile server ({z}/{x}/{y}), when the workstation has one. */
  tileUrl: storableText().nullable(),
  /** The language IT set for this workstation: the screens start in it until the operator picks one. */
  language: z.enum(['kk', 'ru', 'en']).optional(),
  /** Command id → keys IT configured (config `hotkeys`, Group Policy); the screens check them against the commands. */
  hotkeys: z.record(storableText().max(100), storableText().max(100)).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const consoleApi = {
  'app.info': method(NoInput, AppInfoSchema),
  'connectivity.get': method(NoInput, ConnectivitySchema),
  'cards.list': method(NoInput, z.array(CardSchema)),
  /** Central's departments as this console last received them: available offline. */
  'reference.departments': method(
    NoInput,
    z.object({ departments: z.array(DepartmentSchema), fetchedAt: z.iso.datetime().nullable() }),
  ),
  /** The signed-in account's patrol units as last received (offline too); none while nobody is signed in. */
  'reference.units': method(
    NoInput,
    z.object({ units: z.array(PatrolUnitSchema), fetchedAt: z.iso.datetime().nullable() }),
  ),
  /** Outlines of the account's territories, simplified for drawing (domain/places/territoryOutline.ts). */
  'reference.territories': method(
    NoInput,
    z.object({ territories: z.array(TerritorySchema), fetchedAt: z.iso.datetime().nullable() }),
  ),
  /** Units as live data of the account's territory (§13), as last received: offline too, marked by `fetchedAt`. */
  'units.list': method(
    NoInput,
    z.object({ units: z.array(UnitSchema), fetchedAt: z.iso.datetime().nullable() }),
  ),
  /** §13: sends the units to the card; one outbox operation, queued offline; a refusal shows on the card. */
  'units.dispatch': method(
    z.object({ cardId: CardIdSchema, unitIds: DispatchInputSchema.shape.unitIds }).strict(),
    z.object({ units: z.array(UnitSchema) }),
  ),
  /** §13: a unit's status set by hand (what the crew radios in); central's answer at once, refused offline. */
  'units.setStatus': method(
    z.object({ unitId: UnitIdSchema, status: UnitStatusSchema }).strict(),
    boardAnswerSchema(UnitSchema),
  ),
  'cards.get': method(z.object({ id: CardIdSchema }).strict(), CardSchema),
  'cards.saveDraft': method(CardDraftInputSchema, CardSchema),
  /** A workflow step such as "send" (§9 step 5); central decides, a refusal shows on the card. */
  'cards.transition': method(TransitionInputSchema.extend({ id: CardIdSchema }).strict(), CardSchema),
  /** A photo the operator attaches (§9 step 4: what is seen); kept here and uploaded after the card. */
  'cards.attachPhoto': method(AttachPhotoInputSchema, AttachPhotoResultSchema),
  'cards.files': method(z.object({ cardId: CardIdSchema }).strict(), z.array(CardFileSchema)),
  /** A photo's bytes as kept on this console, for its preview. */
  'cards.photo': method(
    z.object({ fileId: z.uuid() }).strict(),
    z.object({ contentType: PhotoTypeSchema, bytesBase64: storableText() }),
  ),
  /** The chat with the citizen of the card's appeal (§2): central's lines and this console's, with their sync state. */
  'chat.list': method(ChatListInputSchema, ChatListResultSchema),
  /** A staff line to the citizen: kept here at once, sent to central by the sync engine. */
  'chat.send': method(ChatSendInputSchema, ChatSendResultSchema),
  /** What waits for this operator (issue 12): central's list, or the last copy when central does not answer. */
  /**
   * With the `version` the renderer holds, main answers only what changed since (`changes`): a list of 10,000
   * is not sent, parsed and drawn again every refresh for the few items that moved. The whole list comes on
   * the first load, or when the version is not one main can bring up to date.
   */
  'inbox.list': method(
    z.object({ version: storableText().max(64).optional() }).strict(),
    z.object({
      list: InboxListAnswerSchema,
      version: storableText(),
      fetchedAt: z.iso.datetime().nullable(),
      live: z.boolean(),
      /** Claims and forwards queued while central was out of reach, and those it refused since (always sent). */
      actions: z.array(InboxQueuedActionSchema),
    }),
  ),
  /**
   * Takes an item so nobody else works on it; the second operator is refused `inbox.claimed`. With central out
   * of reach the claim is queued (`queued`) and reaches central once it is back.
   */
  'inbox.claim': method(z.object({ appealId: z.uuid() }).strict(), InboxAnswerSchema),
  'inbox.release': method(z.object({ appealId: z.uuid() }).strict(), InboxAnswerSchema),
  /** A possible duplicate joins the open card it repeats (queued: it follows that card to central). */
  'inbox.link': method(z.object({ appealId: z.uuid(), cardId: CardIdSchema }).strict(), InboxAnswerSchema),
  /** A non-urgent text to a competent service, with a reason: it never becomes a card. */
  'inbox.forward': method(ForwardInputSchema.extend({ appealId: z.uuid() }).strict(), InboxAnswerSchema),
  'inbox.services': method(NoInput, z.array(CompetentServiceSchema)),
  /** The attachments of an appeal (an inbox item's or a card's), as central lists them now (issue 12). */
  'attachments.list': method(z.object({ appealId: z.uuid() }).strict(), AttachmentListResultSchema),
  /** Fetches one attachment from central (central audits the read), then `attachments.read` in slices. */
  'attachments.open': method(AttachmentRefSchema, RecordingOpenResultSchema),
  'attachments.read': method(
    z.object({ attachmentId: z.uuid(), offset: z.number().int().nonnegative() }).strict(),
    RecordingSliceSchema,
  ),
  /** The viewer closed: main lets go of the bytes it held. */
  'attachments.close': method(NoInput, z.object({})),
  /** Sign-in against central (tokens stay in main); null session when nobody is signed in. */
  'session.get': method(NoInput, SessionSchema.nullable()),
  'session.signIn': method(SignInInputSchema, SignInResultSchema),
  'session.signOut': method(NoInput, z.object({})),
  /** The outbox at a glance; `sync.now` asks for a push and pull at once. */
  'sync.status': method(NoInput, SyncStatusSchema),
  'sync.now': method(NoInput, SyncStatusSchema),
  /** §27 readiness: the last report (null before the first check), a new check, the video-call verdict. */
  'workstation.report': method(NoInput, WorkstationReportSchema.nullable()),
  'workstation.check': method(ConsoleWindowFactsSchema, WorkstationReportSchema),
  'workstation.readiness': method(NoInput, WorkstationReadinessSchema),
  'workstation.fleet': method(NoInput, WorkstationFleetSchema),
  /** A key was pressed in the window: the last report's keyboard item is re-decided without a new check. */
  'workstation.keystrokeSeen': method(NoInput, WorkstationReportSchema.nullable()),
  /** IT's About screen: version, data folder, each setting with its source, the ignored bad values (issue 15). */
  'diagnostics.about': method(NoInput, AboutSchema),
  /** Writes the diagnostics bundle (logs, configuration, readiness, sync state; nothing personal) into the data folder. */
  'diagnostics.bundle': method(NoInput, DiagnosticsBundleSchema),
  /** A line from the screens into main's log, redacted there like main's own. */
  'log.write': method(RendererLogSchema, z.object({})),
  /** The admin's desk (§28): accounts as central has them now; each change is central's, audited there. */
  'admin.accounts': method(NoInput, adminAnswerSchema(z.array(AccountViewSchema))),
  'admin.createAccount': method(NewAccountSchema, adminAnswerSchema(AccountViewSchema)),
  /** Role, department, name, a new password or disabled: a new password or disabling ends the account's sessions. */
  'admin.changeAccount': method(
    z.strictObject({ id: z.uuid(), changes: AccountChangesSchema }),
    adminAnswerSchema(AccountViewSchema),
  ),
  /** Forgets the wrong passwords that slow the account's sign-in down. */
  'admin.unlockAccount': method(z.strictObject({ id: z.uuid() }), adminAnswerSchema(AccountViewSchema)),
  /** Official territories, after the admin saw the file's preview (checked by domain/places/territoryFile.ts). */
  'admin.importTerritories': method(
    TerritoryImportSchema,
    adminAnswerSchema(z.object({ imported: z.number().int().nonnegative() })),
  ),
  /** The directory of competent services (§12.4) with their competence, as central keeps it (§28). */
  'admin.services': method(NoInput, adminAnswerSchema(z.array(ServiceEntrySchema))),
  'admin.createService': method(NewServiceSchema, adminAnswerSchema(ServiceEntrySchema)),
  'admin.changeService': method(
    z.strictObject({ id: ServiceIdParamsSchema.shape.id, changes: ServiceChangesSchema }),
    adminAnswerSchema(ServiceEntrySchema),
  ),
  /** A department's patrol units and СОГ (§13) as central's directory keeps them: call sign, kind, crew. */
  'admin.units': method(UnitDirectoryQuerySchema, adminAnswerSchema(z.array(UnitEntrySchema))),
  'admin.createUnit': method(NewUnitSchema, adminAnswerSchema(UnitEntrySchema)),
  'admin.changeUnit': method(
    z.strictObject({ id: UnitIdParamsSchema.shape.id, changes: UnitChangesSchema }),
    adminAnswerSchema(UnitEntrySchema),
  ),
  /** Calls ringing now (a reloaded window asks); then `calls.event` keeps it current. */
  'calls.ringing': method(NoInput, z.array(RingingCallSchema)),
  /** The call this console accepted and that has not ended: a reloaded window offers to rejoin it. */
  'calls.current': method(NoInput, RingingCallSchema.nullable()),
  /** This call's STUN/TURN servers and credentials from central (null without central or offline). */
  'calls.ice': method(NoInput, IceConfigSchema.nullable()),
  /** Takes a ringing call; the answer comes as `calls.event` taken (byMe) or refused. */
  'calls.accept': method(CallAcceptInputSchema, CallSentSchema),
  /** SDP/ICE or hang-up to the citizen of the call this operator accepted. */
  'calls.signal': method(CallSignalInputSchema, CallSentSchema),
  'calls.presence': method(CallPresenceInputSchema, CallSentSchema),
  /** The call's quality windows (getStats summed per 5 s) to central; `sent` false when central did not take them. */
  'calls.quality': method(CallQualityInputSchema, CallSentSchema),
  /** The accepted call's card, linked to its appeal, with the caller's place (source: the caller's device). */
  'calls.card': method(CallCardInputSchema, CardSchema.nullable()),
  /**
   * The supervisor's live view of the centre (§16): central's, or the last copy (`live` false) with when it was
   * fetched; `view` null for a role without it or before any copy.
   */
  'centre.view': method(
    NoInput,
    z.object({
      view: CentreViewSchema.nullable(),
      fetchedAt: z.iso.datetime().nullable(),
      live: z.boolean(),
    }),
  ),
  /** §13's limits from central (the last copy, or the defaults, when it does not answer). */
  'board.settings': method(NoInput, z.object({ limits: AcknowledgementLimitsSchema, live: z.boolean() })),
  /**
   * A card's history and warnings: central's, or the last copy (`live` false) with when it was fetched; and the
   * card's reference checks queued here, which central has not made yet.
   */
  'board.details': method(
    z.object({ cardId: CardIdSchema }).strict(),
    z.object({
      details: BoardDetailsSchema.nullable(),
      fetchedAt: z.iso.datetime().nullable(),
      live: z.boolean(),
      queuedChecks: z.array(QueuedCheckSchema),
    }),
  ),
  /**
   * §15: a person named on the card checked against the reference records: central answers at once, or, out of
   * reach, the check is queued in the outbox (`queued`) and made when central is back.
   */
  'board.check': method(
    ReferenceCheckInputSchema,
    z.union([
      boardAnswerSchema(ReferenceCheckAnswerSchema),
      z.object({ ok: z.literal(false), queued: z.literal(true) }),
    ]),
  ),
  /** §10: the applicant from the registered-user data of the card's appeal (audited on central). */
  'board.identify': method(
    z.object({ cardId: CardIdSchema }).strict(),
    boardAnswerSchema(IdentifiedApplicantSchema),
  ),
  /** Recording the call of a card (§17): begun once media flows, chunk by chunk (~1 s), finished at hang-up. */
  'recordings.begin': method(RecordingBeginInputSchema, z.object({ recordingId: z.uuid() })),
  /** A chunk is on disk and flushed when this answers: a crash loses seconds, not the call. */
  'recordings.chunk': method(RecordingChunkInputSchema, z.object({})),
  /** The recording is kept with its card and queued for upload; null when not one chunk had arrived. */
  'recordings.finish': method(z.object({ recordingId: z.uuid() }).strict(), RecordingMetaSchema.nullable()),
  /** A card's recordings as central lists them for the signed-in account (only roles that may play them). */
  'recordings.list': method(z.object({ cardId: CardIdSchema }).strict(), RecordingListResultSchema),
  /** Begins playing a recording (central audits the play at its first piece); its size and type. */
  'recordings.open': method(z.object({ fileId: z.uuid() }).strict(), RecordingOpenResultSchema),
  /** The next piece as the window plays it: main fetches it from central then, never the whole file. */
  'recordings.read': method(RecordingReadInputSchema, RecordingPieceResultSchema),
  /** The player closed: main lets go of what it fetched ahead. */
  'recordings.close': method(NoInput, z.object({})),
} as const;

export const consoleEvents = {
  'cards.changed': z.object({ card: CardSchema }),
  /** Central moved the card to a territory the signed-in account does not see: the windows drop it. */
  'cards.left': z.object({ cardId: CardIdSchema }),
  /** A card's files, whenever one is attached or its upload moves on. */
  'cards.filesChanged': z.object({ cardId: CardIdSchema, files: z.array(CardFileSchema) }),
  /** The chat of this appeal changed here: ask `chat.list` again for a card that shows it. */
  'chat.changed': z.object({ appealId: z.uuid() }),
  'connectivity.changed': ConnectivitySchema,
  'sync.changed': SyncStatusSchema,
  'session.changed': z.object({ session: SessionSchema.nullable() }),
  /** The offline copy of some reference data changed: read it again. */
  'reference.changed': z.object({ kind: ReferenceKindSchema }),
  'workstation.changed': z.object({ report: WorkstationReportSchema, readiness: WorkstationReadinessSchema }),
  'workstation.progress': CheckProgressSchema,
  'calls.event': CallEventSchema,
  /** What waits in the inbox changed on central (its socket said so): ask `inbox.list` again. */
  'inbox.changed': z.object({}),
  /** A figure of the centre moved on central, or the link to it changed: ask `centre.view` again. */
  'centre.changed': z.object({}),
  /** A card's board details changed on central (a warning, §15): ask `board.details` again. */
  'board.changed': z.object({ cardId: CardIdSchema }),
  /** §13: a card not taken in time; central rings the supervisor's console. */
  'board.escalated': EscalatedCardSchema,
  /** Units that moved or changed status (central's socket, a pull, or a dispatch made here). */
  'units.changed': z.object({ units: z.array(UnitSchema) }),
} as const;

export type ConsoleMethod = keyof typeof consoleApi;
export type ConsoleEvent = keyof typeof consoleEvents;
export type MethodInput<M extends ConsoleMethod> = z.input<(typeof consoleApi)[M]['input']>;
export type MethodOutput<M extends ConsoleMethod> = z.output<(typeof consoleApi)[M]['output']>;
export type EventPayload<E extends ConsoleEvent> = z.output<(typeof consoleEvents)[E]>;

export const CONSOLE_METHODS = Object.keys(consoleApi) as ConsoleMethod[];
export const CONSOLE_EVENTS = Object.keys(consoleEvents) as ConsoleEvent[];

export const isConsoleMethod = (name: unknown): name is ConsoleMethod =>
  typeof name === 'string' && Object.hasOwn(consoleApi, name);
export const isConsoleEvent = (name: unknown): name is ConsoleEvent =>
  typeof name === 'string' && Object.hasOwn(consoleEvents, name);

/** Errors are values at the boundary: a code for programs, a message key for the UI, details for people. */
export const ApiErrorSchema = z.object({
  code: z.enum(['invalid_input', 'not_found', 'unknown_method', 'unavailable', 'internal']),
  messageKey: storableText(),
  issues: z.array(z.object({ path: storableText(), message: storableText() })).optional(),
  /** The catalogue's refusal when there is one (domain/contract/refusal.ts): `text.unstorable { field }`. */
  refusal: RefusalOnWireSchema.optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const apiResultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiErrorSchema }),
  ]);

/** What the renderer holds: one typed surface whatever carries it. */
export interface ConsoleBridge {
  call<M extends ConsoleMethod>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  on<E extends ConsoleEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Electron IPC channel names, derived so that preload and main cannot disagree. */
export const ipcChannel = {
  method: (name: ConsoleMethod) => `console:call:${name}`,
  event: (name: ConsoleEvent) => `console:event:${name}`,
} as const;

/** The name under which preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'console102';
