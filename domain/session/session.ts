import { z } from 'zod';
import { storableText } from '../contract/text';
import { RoleSchema } from './roles';

/**
 * Who is signed in at this console. Tokens never leave main; the renderer sees only this.
 * `offline` — signed in against the verifier stored at the last online sign-in; central will be
 * signed in to as soon as it answers.
 */
export const SessionSchema = z.object({
  login: storableText(),
  displayName: storableText(),
  role: RoleSchema,
  departmentId: storableText().nullable(),
  mode: z.enum(['online', 'offline']),
});
export type Session = z.infer<typeof SessionSchema>;

export const SignInInputSchema = z.strictObject({
  login: storableText().trim().min(1).max(64),
  password: storableText().min(1).max(256),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

/** Why a sign-in failed, as the operator is told (each has a message in kk/ru/en). */
export const SIGN_IN_REFUSALS = [
  'wrongCredentials',
  'locked',
  'disabled',
  /** Central is unreachable and this account never signed in online here. */
  'offlineUnknownAccount',
  /** Central is unreachable and the last online sign-in is older than the configured limit. */
  'offlineTooOld',
  'unavailable',
  /** IT locked this workstation to a role (policy `role`) and the account has another. */
  'roleLocked',
] as const;
export const SignInRefusalSchema = z.enum(SIGN_IN_REFUSALS);
export type SignInRefusal = z.infer<typeof SignInRefusalSchema>;

export const SignInResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), session: SessionSchema }),
  z.object({ ok: z.literal(false), refusal: SignInRefusalSchema }),
]);
export type SignInResult = z.infer<typeof SignInResultSchema>;
