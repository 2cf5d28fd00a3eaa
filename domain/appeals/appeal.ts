import { z } from 'zod';
import { storableText } from '../contract/text';
import { ApplicantSchema, CARD_LIMITS, ChannelSchema } from '../cards/card';
import { CardCategorySchema } from '../cards/category';
import { LatLonSchema } from '../places/geo';

/**
 * One intake API for every citizen channel (§2, §7): the 102 app, "Заң мен Тәртіп" in eGov/Kaspi/Halyk,
 * the SOS button, chatbots, the site widget and e-mail. A card's channels are these and `phone`.
 */
export const AppealChannelSchema = ChannelSchema.exclude(['phone']);
export type AppealChannel = z.infer<typeof AppealChannelSchema>;

export const ZanMenTartipViaSchema = z.enum(['egov', 'kaspi', 'halyk']);
export const LanguageSchema = z.enum(['kk', 'ru']);
export type Language = z.infer<typeof LanguageSchema>;

export const APPEAL_LIMITS = {
  textMax: 4000,
  chatMax: 2000,
  attachmentsMax: 10,
  /** Bytes per attachment kind; video is the largest thing a citizen sends. */
  attachmentBytes: { photo: 10 * 1024 * 1024, voice: 10 * 1024 * 1024, video: 50 * 1024 * 1024 },
} as const;

/** Fields every appeal shares: who (or anonymous), where, in which language, through which channel. */
const common = {
  channel: AppealChannelSchema,
  via: ZanMenTartipViaSchema.optional(),
  language: LanguageSchema,
  location: LatLonSchema.nullable().optional(),
  /** The place in the citizen's words, when their device could not find it (the widget asks no coordinates). */
  addressText: storableText().trim().max(CARD_LIMITS.addressMax).optional(),
  /** The region the citizen picked when they share no location (§8). */
  chosenDepartmentId: storableText().max(64).optional(),
  /** Deputies asked for anonymous reporting (seed 002): then no identity is kept at all. */
  anonymous: z.boolean(),
  applicant: ApplicantSchema.optional(),
};

/** What a citizen sends; a discriminated union by `kind`. */
export const AppealIntakeSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('text'),
      ...common,
      category: CardCategorySchema,
      text: storableText().trim().min(1, 'text is empty').max(APPEAL_LIMITS.textMax),
    }),
    // §18: the SOS button always sends a location.
    z.strictObject({ kind: z.literal('sos'), ...common, location: LatLonSchema }),
    z.strictObject({ kind: z.literal('callRequest'), ...common, media: z.enum(['video', 'audio']) }),
  ])
  // Each custom issue names its problem from the refusal catalogue (domain/contract/refusal.ts, `AppealProblem`),
  // which central's intake answers instead of the English message.
  .superRefine((a, ctx) => {
    if (a.anonymous && a.applicant)
      ctx.addIssue({
        code: 'custom',
        path: ['applicant'],
        message: 'an anonymous appeal carries no applicant',
        params: { problem: 'anonymousWithApplicant' },
      });
    if (!a.anonymous && !a.applicant)
      ctx.addIssue({
        code: 'custom',
        path: ['applicant'],
        message: 'give the applicant or mark the appeal anonymous',
        params: { problem: 'applicantOrAnonymous' },
      });
    if ((a.channel === 'zanMenTartip') !== (a.via !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['via'],
        message: 'via (egov|kaspi|halyk) is given exactly for zanMenTartip',
        params: { problem: 'viaOnlyForZanMenTartip' },
      });
    }
    if (a.kind === 'sos' && a.channel !== 'sos')
      ctx.addIssue({
        code: 'custom',
        path: ['channel'],
        message: 'an SOS alarm comes through the sos channel',
        params: { problem: 'sosChannelOnly' },
      });
  });
export type AppealIntake = z.infer<typeof AppealIntakeSchema>;
export type AppealKind = AppealIntake['kind'];

/** Status the citizen sees; each change is pushed to the citizen (seed 000: "notified of each status change"). */
export const AppealStatusSchema = z.enum(['registered', 'inProgress', 'answered', 'closed']);
export type AppealStatus = z.infer<typeof AppealStatusSchema>;

export const AttachmentKindSchema = z.enum(['photo', 'video', 'voice']);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

/**
 * An attachment's original name as the citizen's device gave it: shown to staff only, never used as a
 * path (central stores under its own generated names). Separators, `..` and control characters are refused.
 */
export const AttachmentNameSchema = storableText()
  .min(1)
  .max(200)
  .refine((n) => !/[/\\\u0000-\u001f]/.test(n) && !n.split('.').every((p) => p === '') && !n.includes('..'), {
    message: 'attachment name must not contain path separators, ".." or control characters',
  });

export const AttachmentSchema = z.object({
  id: z.uuid(),
  kind: AttachmentKindSchema,
  name: storableText(),
  contentType: storableText(),
  bytes: z.number().int().nonnegative(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** What the intake answers: the registered number and the token with which the citizen follows the appeal. */
export const AppealReceiptSchema = z.object({
  id: z.uuid(),
  number: storableText(),
  status: AppealStatusSchema,
  citizenToken: storableText(),
  departmentId: storableText().nullable(),
});
export type AppealReceipt = z.infer<typeof AppealReceiptSchema>;

/** The citizen's view of their appeal. */
export const AppealPublicViewSchema = z.object({
  id: z.uuid(),
  number: storableText(),
  kind: z.enum(['text', 'sos', 'callRequest']),
  status: AppealStatusSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  attachments: z.array(AttachmentSchema),
});
export type AppealPublicView = z.infer<typeof AppealPublicViewSchema>;

/** Staff's view; `applicant` is null when anonymous or when the role may not read identities. */
export const AppealStaffViewSchema = AppealPublicViewSchema.extend({
  channel: AppealChannelSchema,
  via: ZanMenTartipViaSchema.nullable(),
  language: LanguageSchema,
  category: CardCategorySchema.nullable(),
  text: storableText().nullable(),
  media: z.enum(['video', 'audio']).nullable(),
  location: LatLonSchema.nullable(),
  addressText: storableText().nullable(),
  departmentId: storableText().nullable(),
  routedBy: z.enum(['territory', 'chosenRegion', 'fallbackQueue']),
  anonymous: z.boolean(),
  applicant: ApplicantSchema.nullable(),
  acceptedBy: z.uuid().nullable(),
});
export type AppealStaffView = z.infer<typeof AppealStaffViewSchema>;

/** A chat line between the citizen and the dispatcher (§2, §22). */
export const ChatMessageSchema = z.object({
  id: z.uuid(),
  appealId: z.uuid(),
  from: z.enum(['citizen', 'staff']),
  accountId: z.uuid().nullable(),
  text: storableText(),
  createdAt: z.iso.datetime(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ChatInputSchema = z.strictObject({
  text: storableText().trim().min(1, 'message is empty').max(APPEAL_LIMITS.chatMax),
});
