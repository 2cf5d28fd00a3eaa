import { z } from 'zod';
import { storableText } from './text';
import { AttachmentKindSchema } from '../appeals/appeal';
import { CardStatusSchema } from '../cards/card';
import { PERMISSIONS, RoleSchema } from '../session/roles';

/**
 * Every refusal central can give (бас тарту / отказ), as a stable code with its parameters. Central
 * answers with a refusal (HTTP problems, rejected sync operations, realtime errors) and an English
 * `detail` for developers' logs; the console (renderer `refusals` namespace) and the citizen widget
 * translate the code. Adding a refusal = one entry here, then its texts there (a test walks them all).
 */

const Empty = z.strictObject({});

/** The transitions of domain/cards/workflow.ts by name; listed here so that this file does not import the workflow. */
export const TRANSITION_ACTIONS = [
  'sendToInspector',
  'forwardToService',
  'startResponse',
  'forwardToDuty',
  'register',
  'close',
] as const;

/** What a role was refused: a permission of the matrix or a workflow step. */
export const RefusedActionSchema = z.enum([...PERMISSIONS, ...TRANSITION_ACTIONS]);
export type RefusedAction = z.infer<typeof RefusedActionSchema>;

/** §9 step 5: what a card must have before it is sent; `place` is a location on the map or an address. */
export const SendFieldSchema = z.enum(['description', 'category', 'place']);
export type SendField = z.infer<typeof SendFieldSchema>;

/** Why one field of a citizen's appeal was refused; never zod's own message. */
export const AppealProblemSchema = z.enum([
  'missing',
  'empty',
  'tooLong',
  'invalid',
  'unknownField',
  'anonymousWithApplicant',
  'applicantOrAnonymous',
  'viaOnlyForZanMenTartip',
  'sosChannelOnly',
]);
export type AppealProblem = z.infer<typeof AppealProblemSchema>;

/** Where a staff request was malformed. */
export const RequestPartSchema = z.enum(['path', 'query', 'body', 'message']);

const count = z.number().int().nonnegative();

/** The catalogue: each code with the schema of its parameters. */
export const REFUSALS = {
  // Who and where (§6, §8, §28)
  'role.forbidden': z.strictObject({ role: RoleSchema, action: RefusedActionSchema }),
  'card.otherTerritory': Empty,
  'auth.wrongCredentials': Empty,
  /** Too many failed sign-ins for this login from this address (central/session/loginThrottle.ts). */
  'auth.throttled': z.strictObject({ retryAfterSeconds: count }),
  /** The session was ended: password reset, account disabled, or a refresh token used twice. */
  'auth.sessionEnded': Empty,
  /** A new password that is too easy to guess (central/accounts/passwordPolicy.ts). */
  'password.tooShort': z.strictObject({ min: count }),
  'password.tooLong': z.strictObject({ max: count }),
  'password.common': Empty,
  'password.containsLogin': Empty,
  'password.repetitive': Empty,
  'auth.disabled': Empty,
  'auth.required': Empty,
  'auth.expired': Empty,
  // Cards and their workflow (§9–15)
  'card.notFound': Empty,
  'card.exists': Empty,
  'card.closed': Empty,
  'card.sentNotEditable': Empty,
  'card.stale': z.strictObject({ version: count, baseVersion: count }),
  'card.missingForSend': z.strictObject({ fields: z.array(SendFieldSchema).min(1) }),
  'card.wrongStatus': z.strictObject({ action: RefusedActionSchema, status: CardStatusSchema }),
  'card.urgentNotForService': Empty,
  'card.kuizhNumberMissing': Empty,
  'card.outsideCountry': Empty,
  'department.unknown': z.strictObject({ departmentId: storableText() }),
  'department.notFound': Empty,
  'recording.exists': Empty,
  /** A recording's call (its appeal) is not the one its card was opened for. */
  'recording.otherCall': Empty,
  // Units as live data and dispatching them (§13)
  /** A vehicle system's account at the console's sign-in, or a person's at the vehicle systems' sign-in. */
  'auth.notForConsole': Empty,
  'auth.integrationOnly': Empty,
  'unit.notFound': Empty,
  /** The admin's directory (§28): a new unit's id is another's already. */
  'unit.idTaken': Empty,
  /** A unit of a department the integration account (or the inspector) does not serve. */
  'unit.otherDepartment': Empty,
  /** A unit reports at most once a second (domain/dispatch/unit.ts). */
  'unit.tooFrequent': z.strictObject({ retryAfterMs: count }),
  'unit.positionInvalid': Empty,
  'unit.outsideCountry': Empty,
  'unit.positionStale': z.strictObject({ maxAgeSeconds: count }),
  'unit.positionFuture': Empty,
  /** The unit is not free: already sent elsewhere, on a scene, busy or off duty. */
  'unit.notFree': z.strictObject({ callSign: storableText(), status: z.enum(['free', 'enRoute', 'onScene', 'busy', 'offDuty']) }),
  // A console's operations (domain/sync/sync.ts)
  /** The database cannot store what the operation carries (a NUL character, a lone surrogate…). */
  'op.unstorable': Empty,
  /** The operation's id was already used by another account. */
  'op.conflict': Empty,
  // Citizens' appeals, chats and calls (§2, §7, §18)
  'appeal.notFound': Empty,
  'appeal.invalid': z.strictObject({ field: storableText(), problem: AppealProblemSchema }),
  'attachment.empty': Empty,
  'attachment.tooLarge': z.strictObject({ kind: AttachmentKindSchema, maxBytes: count }),
  'attachment.unsupported': z.strictObject({ kind: AttachmentKindSchema }),
  'attachment.tooMany': z.strictObject({ max: count }),
  'attachment.notFound': Empty,
  /** A photo whose structure cannot be read, so its metadata cannot be removed. */
  'attachment.unreadable': Empty,
  /** Removed after the retention period (CENTRAL_RETENTION_DAYS). */
  'attachment.purged': Empty,
  'call.notFound': Empty,
  'call.taken': Empty,
  'call.notAccepted': Empty,
  'call.notYours': Empty,
  // The operator's inbox (issue 12)
  /** Another operator claimed it first; who is not said. */
  'inbox.claimed': Empty,
  'inbox.notWaiting': Empty,
  /** Only a text goes to a competent service; an SOS alarm or a call stays with the police (§12). */
  'inbox.notForwardable': Empty,
  'service.notFound': Empty,
  /** The admin's directory (§28): a new competent service's id is another's already. */
  'service.idTaken': Empty,
  // Accounts and territories (§28)
  'account.notFound': Empty,
  'account.loginTaken': Empty,
  'account.ownAccount': Empty,
  'territory.unknownDepartments': z.strictObject({ departmentIds: z.array(storableText()).min(1) }),
  'territory.repeatedDepartment': z.strictObject({ departmentId: storableText() }),
  // A territory file's own problems (domain/places/territoryFile.ts), the same on the console and on central.
  'territory.notJson': Empty,
  'territory.tooLarge': z.strictObject({ maxBytes: count }),
  /** Not a FeatureCollection of Polygon/MultiPolygon features naming their department; `path` says where. */
  'territory.wrongShape': z.strictObject({ path: storableText() }),
  'territory.selfIntersecting': z.strictObject({ departmentId: storableText() }),
  'territory.outsideCountry': z.strictObject({ departmentId: storableText() }),
  // Card files sent in pieces
  'upload.notFound': Empty,
  'upload.chunkOutOfOrder': z.strictObject({ next: count }),
  'upload.chunkSize': z.strictObject({ index: count, bytes: count }),
  'upload.hashMismatch': Empty,
  // Sync
  /** Central failed on this one operation of a push (not on the others): the console sends it again later. */
  'sync.operationFailed': Empty,
  // The request itself
  'request.invalid': z.strictObject({ part: RequestPartSchema }),
  'request.malformed': Empty,
  'request.tooLarge': Empty,
  /** JSON nested deeper than central reads (central/http/jsonBody.ts). */
  'request.tooDeep': z.strictObject({ maxDepth: count }),
  /** A NUL character or a lone surrogate in `field` (the string's path): no database can store it (domain/contract/text.ts). */
  'text.unstorable': z.strictObject({ field: storableText() }),
  /** Too many requests or socket messages from one client in a short time: try again after the wait. */
  'rate.limited': z.strictObject({ retryAfterSeconds: count }),
  'route.notFound': Empty,
  internal: Empty,
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>;

export type RefusalCode = keyof typeof REFUSALS;
export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[];
export const RefusalCodeSchema = z.enum(REFUSAL_CODES as [RefusalCode, ...RefusalCode[]]);
export type RefusalParams<C extends RefusalCode> = z.output<(typeof REFUSALS)[C]>;

/** One refusal: a code and its parameters, typed together. */
export type Refusal = { [C in RefusalCode]: { code: C; params: RefusalParams<C> } }[RefusalCode];

/** Builds a refusal; the compiler checks the parameters against the code. */
export function refusal<C extends RefusalCode>(
  code: C,
  ...params: Record<string, never> extends RefusalParams<C> ? [] : [RefusalParams<C>]
): Refusal {
  return { code, params: params[0] ?? {} } as Refusal;
}

/**
 * A refusal as it travels: loose on purpose, so that a console older than central still reads an answer
 * whose code it does not know yet (it shows a general text) instead of failing the whole answer.
 */
export const RefusalParamsOnWireSchema = z.record(storableText(), z.unknown());
export const RefusalOnWireSchema = z.object({
  code: storableText(),
  params: RefusalParamsOnWireSchema.default({}),
});
export type RefusalOnWire = z.output<typeof RefusalOnWireSchema>;

/** A refusal read back from the wire: a code of the catalogue with valid parameters, or null. */
export function readRefusal(wire: { code: string; params: Record<string, unknown> }): Refusal | null {
  const code = RefusalCodeSchema.safeParse(wire.code);
  if (!code.success) return null;
  const params = REFUSALS[code.data].safeParse(wire.params);
  return params.success ? ({ code: code.data, params: params.data } as Refusal) : null;
}
