import { z } from 'zod';
import { type RefusalOnWire, RefusalOnWireSchema } from '../contract/refusal';
import { storableText } from '../contract/text';
import { RoleSchema } from '../session/roles';

/**
 * Accounts as the digitalisation unit (цифрландыру бөлінісі / подразделение цифровизации, §28) manages them:
 * central's answers and the console's admin desk read the same schemas (domain/contract/central.ts).
 */

/** An account as the admin sees it; never the password's hash. */
export const AccountViewSchema = z.object({
  id: z.uuid(),
  login: storableText(),
  role: RoleSchema,
  departmentId: storableText().nullable(),
  displayName: storableText(),
  disabled: z.boolean(),
  createdAt: storableText(),
  updatedAt: storableText(),
  /** The last sign-in with a password (a new session), null when it never signed in. */
  lastSignInAt: storableText().nullable(),
  /** Sessions that may still be refreshed: the consoles signed in with this account now. */
  activeSessions: z.number().int().nonnegative(),
  /** Sign-ins with this login are being slowed down after wrong passwords (central/session/loginThrottle.ts). */
  locked: z.boolean(),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

/** Length and strength are central's password policy's (central/accounts/passwordPolicy.ts), which needs the login. */
const PasswordSchema = storableText().min(1).max(1024);
export const LoginNameSchema = storableText().regex(
  /^[a-z0-9._-]{3,64}$/,
  'login is 3–64 lowercase letters, digits, dots, dashes or underscores',
);
const DisplayNameSchema = storableText().trim().min(1).max(200);

export const NewAccountSchema = z.strictObject({
  login: LoginNameSchema,
  password: PasswordSchema,
  role: RoleSchema,
  departmentId: storableText().nullable(),
  displayName: DisplayNameSchema,
});
export type NewAccount = z.infer<typeof NewAccountSchema>;

export const AccountChangesSchema = z
  .strictObject({
    password: PasswordSchema.optional(),
    role: RoleSchema.optional(),
    departmentId: storableText().nullable().optional(),
    displayName: DisplayNameSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');
export type AccountChanges = z.infer<typeof AccountChangesSchema>;

export const AccountListSchema = z.object({ accounts: z.array(AccountViewSchema) });

/**
 * The console's answer to an admin's request: done (with central's answer), refused by central (its refusal,
 * with the parameters the screens need: a password too short for the minimum, the department of a bad
 * border), or central unreachable.
 */
export const adminAnswerSchema = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), refusal: RefusalOnWireSchema }),
    z.object({ ok: z.literal(false), offline: z.literal(true) }),
  ]);
export type AdminAnswer<T> =
  { ok: true; value: T } | { ok: false; refusal: RefusalOnWire } | { ok: false; offline: true };
