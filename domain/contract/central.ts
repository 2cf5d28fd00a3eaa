import { z } from 'zod';
import { storableText } from './text';
import { IceConfigSchema } from '../calls/iceConfig';
import { CallQualityReportSchema, CallQualitySummarySchema } from '../calls/callQuality';
import { CardSchema } from '../cards/card';
import { CentreViewSchema } from '../centre/centre';
import {
  AccountChangesSchema,
  AccountListSchema,
  AccountViewSchema,
  NewAccountSchema,
} from '../admin/account';
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
import { TerritoryImportSchema } from '../places/territory';
import { AppealAttachmentsSchema } from '../appeals/attachmentView';
import { CompetentServiceSchema, ForwardInputSchema, InboxListSchema } from '../inbox/inbox';
import { UploadDeclarationSchema, UploadStatusSchema } from '../files/upload';
import { CardRecordingSchema } from '../files/recording';
import { DepartmentsAnswerSchema, TerritoriesAnswerSchema, UnitsAnswerSchema } from '../reference/reference';
import { type Permission, RoleSchema } from '../session/roles';
import {
  AcknowledgementLimitsSchema,
  BoardDetailsSchema,
  IdentifiedApplicantSchema,
} from '../dispatch/board';
import { ReferenceCheckAnswerSchema, ReferenceCheckInputSchema } from '../dispatch/warning';
import {
  PositionsAnswerSchema,
  PositionsBodySchema,
  UnitIdSchema,
  UnitSchema,
  UnitStatusBodySchema,
  UnitsLiveAnswerSchema,
} from '../dispatch/unit';
import {
  SyncPullQuerySchema,
  SyncPullResponseSchema,
  SyncPushRequestSchema,
  SyncPushResponseSchema,
} from '../sync/sync';

/**
 * Central's HTTP API, one row per route: who may call it and, for the routes the console calls, what goes
 * in and what comes back. Central's guards (central/session/staffRoute.ts) take each route's permission from
 * here and main's client (main/central/) builds its requests and checks its answers from here; a test
 * compares the table with the routes a running central registers, both ways.
 *
 * `access` is a permission of the matrix (domain/session/roles.ts); `signedIn`: any staff login, whatever
 * the role (the network probe's transfers); or `public`: no staff login
 * (sign-in itself, citizens' routes with their own appeal token, the widget, the network probe, health).
 */
export type EndpointAccess = Permission | 'signedIn' | 'public';

/** A chunk of a file sent as it is (application/octet-stream), not as JSON. */
export const BytesSchema = z.instanceof(Uint8Array);

export interface Endpoint {
  access: EndpointAccess;
  params?: z.ZodType<Record<string, string | number>>;
  query?: z.ZodType<Record<string, unknown>>;
  body?: z.ZodType;
  /** The JSON answer of a success. */
  response?: z.ZodType;
  /**
   * The largest JSON body central reads here, in bytes, when it is not central's default (1 MB): each as much
   * as the route's largest real body (central/http/jsonBody.ts applies it).
   */
  bodyLimit?: number;
}

/** Central's answer to a sign-in or a refresh: the tokens and who they are for. */
export const TokenPairSchema = z.object({
  accessToken: storableText().min(1),
  refreshToken: storableText().min(1),
  expiresIn: z.number().positive(),
  account: z.object({
    id: z.uuid(),
    login: storableText(),
    role: RoleSchema,
    departmentId: storableText().nullable(),
    displayName: storableText(),
  }),
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

const IdParams = z.strictObject({ id: z.uuid() });
/** An inbox action central took: its answer's content is not needed, only that it succeeded. */
const InboxActionDoneSchema = z.object({}).loose();

export const CENTRAL_API = {
  'GET /health': { access: 'public' },
  'POST /api/auth/login': {
    access: 'public',
    body: z.strictObject({ login: storableText(), password: storableText() }),
    response: TokenPairSchema,
    bodyLimit: 4 * 1024,
  },
  'POST /api/auth/refresh': {
    access: 'public',
    body: z.strictObject({ refreshToken: storableText() }),
    response: TokenPairSchema,
    bodyLimit: 4 * 1024,
  },
  /**
   * Ends the session a refresh token belongs to: the console signing out, or refusing an account its role lock
   * does not allow. Answers the same whether or not the token was known.
   */
  'POST /api/auth/logout': {
    access: 'public',
    body: z.strictObject({ refreshToken: storableText() }),
    response: z.strictObject({}),
    bodyLimit: 4 * 1024,
  },
  // The digitalisation unit's accounts (§28), read and changed from the admin's desk; each change is audited.
  'GET /api/accounts': { access: 'accounts.manage', response: AccountListSchema },
  'POST /api/accounts': {
    access: 'accounts.manage',
    body: NewAccountSchema,
    response: AccountViewSchema,
    bodyLimit: 16 * 1024,
  },
  'PATCH /api/accounts/:id': {
    access: 'accounts.manage',
    params: IdParams,
    body: AccountChangesSchema,
    response: AccountViewSchema,
    bodyLimit: 16 * 1024,
  },
  /** Forgets the wrong passwords that slow this login's sign-ins down, from every address. */
  'POST /api/accounts/:id/unlock': {
    access: 'accounts.manage',
    params: IdParams,
    response: AccountViewSchema,
  },
  'DELETE /api/accounts/:id': { access: 'accounts.manage' },
  // The directories (§28): the competent services (§12.4) with their competence, kept by the admin's desk.
  'GET /api/directories/services': {
    access: 'directories.manage',
    response: z.object({ services: z.array(ServiceEntrySchema) }),
  },
  'POST /api/directories/services': {
    access: 'directories.manage',
    body: NewServiceSchema,
    response: ServiceEntrySchema,
    bodyLimit: 16 * 1024,
  },
  'PATCH /api/directories/services/:id': {
    access: 'directories.manage',
    params: ServiceIdParamsSchema,
    body: ServiceChangesSchema,
    response: ServiceEntrySchema,
    bodyLimit: 16 * 1024,
  },
  // A department's patrol units and СОГ (§13): call sign, kind and crew; their live state is the units API's.
  'GET /api/directories/units': {
    access: 'directories.manage',
    query: UnitDirectoryQuerySchema,
    response: z.object({ units: z.array(UnitEntrySchema) }),
  },
  'POST /api/directories/units': {
    access: 'directories.manage',
    body: NewUnitSchema,
    response: UnitEntrySchema,
    bodyLimit: 16 * 1024,
  },
  'PATCH /api/directories/units/:id': {
    access: 'directories.manage',
    params: UnitIdParamsSchema,
    body: UnitChangesSchema,
    response: UnitEntrySchema,
    bodyLimit: 16 * 1024,
  },
  'GET /api/departments': { access: 'departments.read', response: DepartmentsAnswerSchema },
  'GET /api/departments/:id/units': { access: 'departments.read' },
  // A department's reference data includes its patrol units and territory (the account's scope only).
  'GET /api/units': { access: 'departments.read', response: UnitsAnswerSchema },
  'GET /api/territories': { access: 'departments.read', response: TerritoriesAnswerSchema },
  // Its body limit is its own (TERRITORY_FILE_MAX_BYTES, central/reference/routes.ts parses it).
  'POST /api/territories/import': {
    access: 'territories.import',
    body: TerritoryImportSchema,
    response: z.object({ imported: z.number().int().nonnegative() }),
  },
  // Units as live data (§13). The vehicle systems sign in with their department's integration account here
  // (never at /api/auth/login, which refuses it) and report up to 500 positions per request.
  'POST /api/units/auth': { access: 'public', response: TokenPairSchema, bodyLimit: 4 * 1024 },
  'POST /api/units/positions': {
    access: 'units.report',
    body: PositionsBodySchema,
    response: PositionsAnswerSchema,
    bodyLimit: 128 * 1024,
  },
  'POST /api/units/:id/status': {
    access: 'units.status',
    params: z.strictObject({ id: UnitIdSchema }),
    body: UnitStatusBodySchema,
    response: z.object({ unit: UnitSchema }),
    bodyLimit: 1024,
  },
  'GET /api/units/live': { access: 'units.read', response: UnitsLiveAnswerSchema },
  // Citizens: no login; the citizen token that came with the appeal follows it.
  // A citizen's appeal is at most 4,000 characters of text (12 bytes each, escaped, at worst); a chat line 2,000.
  'POST /api/appeals': { access: 'public', bodyLimit: 64 * 1024 },
  'GET /api/appeals/:id': { access: 'public' },
  'GET /api/appeals/:id/messages': { access: 'public' },
  'POST /api/appeals/:id/messages': { access: 'public', bodyLimit: 32 * 1024 },
  'POST /api/appeals/:id/attachments': { access: 'public' },
  'GET /api/staff/appeals': { access: 'appeals.read' },
  'GET /api/staff/appeals/:id': { access: 'appeals.read' },
  // A citizen's attachments as the console opens them (issue 12): the list, then each file's bytes (audited).
  'GET /api/staff/appeals/:id/attachments': {
    access: 'appeals.read',
    params: IdParams,
    response: AppealAttachmentsSchema,
  },
  'GET /api/staff/appeals/:id/attachments/:attachmentId': {
    access: 'appeals.read',
    params: z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }),
    response: BytesSchema,
  },
  'POST /api/staff/appeals/:id/messages': { access: 'appeals.chat', bodyLimit: 32 * 1024 },
  'POST /api/staff/calls/:id/accept': { access: 'calls.accept', bodyLimit: 1024 },
  // One call's STUN/TURN servers and short-lived TURN credentials (central/turn/); a citizen's with their token.
  'GET /api/staff/calls/ice': { access: 'calls.accept', response: IceConfigSchema },
  'GET /api/appeals/:id/ice': { access: 'public' },
  /** The live quality figures of a call, window by window (issue 13.4); only the operator who took the call. */
  'PUT /api/staff/calls/:id/quality': {
    access: 'calls.accept',
    params: IdParams,
    body: CallQualityReportSchema,
    response: z.object({ stored: z.number().int().nonnegative() }),
    bodyLimit: 64 * 1024,
  },
  // The operator's inbox (issue 12): reading what waits; claiming and forwarding is card work.
  'GET /api/inbox': {
    access: 'appeals.read',
    query: z.strictObject({ limit: z.number().int().positive() }),
    response: InboxListSchema,
  },
  'POST /api/inbox/:id/claim': { access: 'cards.write', params: IdParams, response: InboxActionDoneSchema },
  'POST /api/inbox/:id/release': { access: 'cards.write', params: IdParams, response: InboxActionDoneSchema },
  'POST /api/inbox/:id/forward': {
    access: 'cards.write',
    params: IdParams,
    body: ForwardInputSchema,
    response: InboxActionDoneSchema,
  },
  'GET /api/services': {
    access: 'appeals.read',
    response: z.object({ services: z.array(CompetentServiceSchema) }),
  },
  'GET /api/cards': { access: 'cards.read' },
  /** The card and its history, of which the console keeps the card. */
  'GET /api/cards/:id': { access: 'cards.read', params: IdParams, response: z.object({ card: CardSchema }) },
  /** A card's call recordings: listed only for the roles that may play them (empty for the others). */
  'GET /api/cards/:id/recordings': {
    access: 'cards.read',
    params: IdParams,
    response: z.object({
      recordings: z.array(CardRecordingSchema),
      /** The quality figures of the card's call, for the same roles (null: none stored). */
      callQuality: CallQualitySummarySchema.nullable(),
    }),
  },
  /** A recording's bytes (§17): each play is written to the audit log before the bytes are sent. */
  'GET /api/recordings/:id': { access: 'recordings.play', params: IdParams, response: BytesSchema },
  // The senior inspector's board (issue 14): §13's limits, a card's history and warnings, the applicant (§10).
  'GET /api/board/settings': {
    access: 'cards.read',
    response: z.object({ limits: AcknowledgementLimitsSchema }),
  },
  'GET /api/board/cards/:id': { access: 'cards.read', params: IdParams, response: BoardDetailsSchema },
  'POST /api/board/cards/:id/identify': {
    access: 'applicant.read',
    params: IdParams,
    response: IdentifiedApplicantSchema,
    bodyLimit: 1024,
  },
  // §15: a person checked against the reference records, audited; what is found warns the card's units.
  'POST /api/references/check': {
    access: 'references.check',
    body: ReferenceCheckInputSchema,
    response: ReferenceCheckAnswerSchema,
    bodyLimit: 4 * 1024,
  },
  // Up to 500 operations of a console's outbox: central's default body limit.
  'POST /api/sync/push': {
    access: 'sync.push',
    body: SyncPushRequestSchema,
    response: SyncPushResponseSchema,
  },
  'GET /api/sync/pull': { access: 'sync.pull', query: SyncPullQuerySchema, response: SyncPullResponseSchema },
  // Card files sent in pieces (domain/files/upload.ts).
  'POST /api/uploads': {
    access: 'cards.write',
    body: UploadDeclarationSchema,
    response: UploadStatusSchema,
    bodyLimit: 4 * 1024,
  },
  'GET /api/uploads/:id': { access: 'cards.write', params: IdParams, response: UploadStatusSchema },
  'PUT /api/uploads/:id/chunks/:index': {
    access: 'cards.write',
    params: z.strictObject({ id: z.uuid(), index: z.number().int().nonnegative() }),
    body: BytesSchema,
    response: UploadStatusSchema,
  },
  // The supervisor's live view of the centre (§16), of the supervisor's territory.
  'GET /api/centre': { access: 'centre.read', response: CentreViewSchema },
  'GET /ws': { access: 'realtime.connect' },
  'POST /api/workstations/report': {
    access: 'workstations.report',
    body: z.strictObject({ workstationId: storableText(), report: z.unknown() }),
    response: z.object({ stored: z.literal(true) }),
    // A report is at most 256 KB of JSON (central/workstations/routes.ts); escaped, twice that.
    bodyLimit: 512 * 1024,
  },
  'GET /api/workstations': {
    access: 'workstations.read',
    // Each report as central keeps it: the console reads those of its own version's shape.
    response: z.object({
      workstations: z.array(
        z.object({ workstationId: storableText(), report: z.unknown(), receivedAt: storableText() }),
      ),
    }),
  },
  // The network probe measures the raw link with its own client (main/workstation/netClient.ts).
  'GET /api/net/ping': { access: 'public' },
  'GET /api/net/download': { access: 'signedIn' },
  'POST /api/net/upload': { access: 'signedIn' },
  'GET /widget/*': { access: 'public' },
} as const satisfies Record<string, Endpoint>;

export type CentralRoute = keyof typeof CENTRAL_API;
/** A route that needs a staff login and a permission: central registers it through `staffRoute`. */
export type GuardedRoute = {
  [K in CentralRoute]: (typeof CENTRAL_API)[K]['access'] extends 'public' | 'signedIn' ? never : K;
}[CentralRoute];

/** Every guarded route with the permission it needs (the matrix tests walk it role by role). */
export const ROUTE_PERMISSIONS = Object.fromEntries(
  Object.entries(CENTRAL_API as Record<CentralRoute, Endpoint>)
    .filter(([, e]) => e.access !== 'public' && e.access !== 'signedIn')
    .map(([route, e]) => [route, e.access]),
) as Readonly<Record<GuardedRoute, Permission>>;

export const permissionOf = (route: GuardedRoute): Permission => ROUTE_PERMISSIONS[route];

export function methodAndPath(route: CentralRoute): { method: string; path: string } {
  const [method = '', path = ''] = route.split(' ');
  return { method, path };
}
