import { z } from 'zod';
import { storableText } from '../contract/text';
import { CardCategorySchema } from './category';
import { CardRefusalSchema } from './cardRefusal';
import { IncidentLocationSchema } from '../places/geo';
import { isValidIin } from './iin';
import { CardSubcategorySchema } from './subcategory';
import { CardOutcomeSchema } from './outcome';

/** Limits that keep one card readable and the database small; the same on every boundary. */
export const CARD_LIMITS = {
  descriptionMax: 4000,
  addressMax: 500,
  featuresMax: 2000,
  peopleMax: 10_000,
  nameMax: 200,
  vehiclesMax: 20,
  vehicleTextMax: 40,
} as const;

export const CardIdSchema = z.uuid({ message: 'card id must be a UUID' });
export type CardId = z.infer<typeof CardIdSchema>;

/**
 * Where a card stands in the workflow (§9–15); the transitions and who may make them live in
 * domain/cards/workflow.ts. A console-only card is a `draft` until it is sent.
 */
export const CARD_STATUSES = [
  'draft',
  'sentToInspector',
  'inResponse',
  'forwardedToDuty',
  'registered',
  'forwardedToService',
  'closed',
] as const;
export const CardStatusSchema = z.enum(CARD_STATUSES);
export type CardStatus = z.infer<typeof CardStatusSchema>;

/** The channel an appeal came through (§2, §7); `phone` for a card the operator opens without an appeal. */
export const CHANNELS = [
  'app102',
  'zanMenTartip',
  'sos',
  'telegram',
  'vk',
  'widget',
  'email',
  'phone',
] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** The applicant (арыз беруші / заявитель); absent for anonymous appeals. Personal data: never logged. */
export const ApplicantSchema = z
  .object({
    name: storableText().trim().min(1).max(CARD_LIMITS.nameMax).optional(),
    phone: storableText()
      .regex(/^\+?[0-9 ()-]{5,20}$/, 'phone is 5–20 digits, spaces, dashes or brackets')
      .optional(),
    /** ЖСН / ИИН, the 12-digit individual identification number. */
    iin: storableText()
      .regex(/^[0-9]{12}$/, 'IIN is 12 digits')
      .refine(isValidIin, 'IIN has a wrong check digit, century digit or date of birth')
      .optional(),
  })
  .strict();
export type Applicant = z.infer<typeof ApplicantSchema>;

/** The language the applicant speaks (and the citizen is answered in). */
export const CardLanguageSchema = z.enum(['kk', 'ru']);
export type CardLanguage = z.infer<typeof CardLanguageSchema>;

/** A vehicle seen on the video or named by the applicant (§9 step 4): each part as far as it is known. */
const vehicleText = storableText().trim().max(CARD_LIMITS.vehicleTextMax);
export const VehicleSchema = z.strictObject({ plate: vehicleText, colour: vehicleText, make: vehicleText });
export type Vehicle = z.infer<typeof VehicleSchema>;

/** What the operator records from the video (§9 step 4): people and their features, vehicles, buildings. */
export const CardFieldsSchema = z
  .object({
    description: storableText()
      .trim()
      .max(
        CARD_LIMITS.descriptionMax,
        `description must be at most ${CARD_LIMITS.descriptionMax} characters`,
      ),
    category: CardCategorySchema.nullable(),
    location: IncidentLocationSchema.nullable(),
    addressText: storableText().trim().max(CARD_LIMITS.addressMax).nullable(),
    applicant: ApplicantSchema.nullable(),
    peopleCount: z.number().int().min(0).max(CARD_LIMITS.peopleMax).nullable(),
    peopleFeatures: storableText().trim().max(CARD_LIMITS.featuresMax).nullable(),
    vehicles: storableText().trim().max(CARD_LIMITS.featuresMax).nullable(),
    buildings: storableText().trim().max(CARD_LIMITS.featuresMax).nullable(),
    channel: ChannelSchema.nullable(),
    /** Urgent content needs a police response (§13); non-urgent texts go to the competent service (§12). */
    urgent: z.boolean(),
    appealId: z.uuid().nullable(),
    /** The region the operator chose when the location is unknown or outside every territory (§8). */
    chosenDepartmentId: storableText().max(64).nullable(),
    // The fields below came later: optional, so cards stored before them still read.
    /** No identity at all: an anonymous card keeps no applicant (see `withoutIdentity`). */
    anonymous: z.boolean().optional(),
    language: CardLanguageSchema.nullable().optional(),
    subcategory: CardSubcategorySchema.nullable().optional(),
    /** The vehicles one by one; `vehicles` stays for what does not fit them. */
    vehicleList: z.array(VehicleSchema).max(CARD_LIMITS.vehiclesMax).optional(),
  })
  .strict();
export type CardFields = z.infer<typeof CardFieldsSchema>;

/**
 * The coordinates exactly as the operator typed them, kept on this console while they are not a valid place
 * in Kazakhstan (`432389`, `1e1`, one of the two missing, a point abroad). Central never sees them: it keeps
 * the card's last valid place until the operator fixes the text. At most a line each: nobody types more.
 */
export const TypedCoordinatesSchema = z
  .object({ lat: storableText().max(100), lon: storableText().max(100) })
  .strict();
export type TypedCoordinates = z.infer<typeof TypedCoordinatesSchema>;

/**
 * The incident card ("102" карточкасы / карточка «102»): what the applicant says, where, and its category (§9).
 * Fields from `number` down are set by central (or by the operator on the later §9/§12 screens); they are
 * optional so a console-only draft stays valid.
 */
export const CardSchema = z.object({
  id: CardIdSchema,
  /** Provisional number given by this console until central assigns the register's number. */
  localNumber: z.number().int().nonnegative(),
  status: CardStatusSchema,
  description: storableText().max(CARD_LIMITS.descriptionMax),
  category: CardCategorySchema.nullable(),
  location: IncidentLocationSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The ЖБО card register's number, given by central per department and year (`ALA-2026-000042`). */
  number: storableText().nullable().optional(),
  departmentId: storableText().nullable().optional(),
  addressText: CardFieldsSchema.shape.addressText.optional(),
  applicant: ApplicantSchema.nullable().optional(),
  peopleCount: CardFieldsSchema.shape.peopleCount.optional(),
  peopleFeatures: CardFieldsSchema.shape.peopleFeatures.optional(),
  vehicles: CardFieldsSchema.shape.vehicles.optional(),
  buildings: CardFieldsSchema.shape.buildings.optional(),
  channel: ChannelSchema.nullable().optional(),
  urgent: z.boolean().optional(),
  appealId: z.uuid().nullable().optional(),
  chosenDepartmentId: CardFieldsSchema.shape.chosenDepartmentId.optional(),
  anonymous: CardFieldsSchema.shape.anonymous,
  language: CardFieldsSchema.shape.language,
  subcategory: CardFieldsSchema.shape.subcategory,
  vehicleList: CardFieldsSchema.shape.vehicleList,
  /** КІҚЖ (book of records of information on offences) number, given by the duty unit (§14). */
  kuizhNumber: storableText().nullable().optional(),
  /** When the card was last sent to the senior inspector, and when one took it (§13's acknowledgement timer). */
  sentAt: z.iso.datetime().nullable().optional(),
  takenAt: z.iso.datetime().nullable().optional(),
  /** How the card ended, recorded when it was closed (domain/cards/outcome.ts). */
  outcome: CardOutcomeSchema.nullable().optional(),
  /** The units sent to the card (§13), in the order they were sent; central sets it with their statuses. */
  dispatchedUnitIds: z.array(storableText().max(64)).max(200).optional(),
  /** Central's version of the card, raised by every change; the sync engine sends it back as `baseVersion`. */
  version: z.number().int().nonnegative().optional(),
  /** This console only: coordinates typed but not (yet) valid, shown again when the card is reopened. */
  typedCoordinates: TypedCoordinatesSchema.nullable().optional(),
  /** This console only: what central last refused of the card and why (central never sends it). */
  refusal: CardRefusalSchema.optional(),
});
export type Card = z.infer<typeof CardSchema>;

/** The fields of a card beyond its description, category and place: each optional in a draft, as it is typed. */
export const CardDetailsSchema = CardFieldsSchema.pick({
  addressText: true,
  applicant: true,
  anonymous: true,
  language: true,
  peopleCount: true,
  peopleFeatures: true,
  vehicles: true,
  vehicleList: true,
  buildings: true,
  urgent: true,
  subcategory: true,
  chosenDepartmentId: true,
  channel: true,
  appealId: true,
}).partial();
export type CardDetails = z.infer<typeof CardDetailsSchema>;
export const CARD_DETAIL_KEYS = Object.keys(CardDetailsSchema.shape) as (keyof CardDetails)[];

/**
 * An anonymous card keeps no identity: whatever applicant came with it is dropped, on the console and on central
 * alike, before anything is stored.
 */
export const withoutIdentity = <F extends { anonymous?: boolean | undefined; applicant?: Applicant | null }>(
  fields: F,
): F => (fields.anonymous ? { ...fields, applicant: null } : fields);

/**
 * What the operator types into a draft; `id` is absent for a new card. Same rules as the card's fields.
 * Coordinates that are not a valid place come as `typedCoordinates` with `location` null: the card keeps them
 * here as typed and keeps its last valid place for central, so nothing typed is ever refused or lost.
 */
export const CardDraftInputSchema = CardFieldsSchema.pick({
  description: true,
  category: true,
  location: true,
})
  .extend({
    ...CardDetailsSchema.shape,
    id: CardIdSchema.optional(),
    typedCoordinates: TypedCoordinatesSchema.nullable().optional(),
  })
  .strict()
  .refine((input) => !input.typedCoordinates || input.location === null, {
    message: 'typed coordinates stand in for a location, never next to one',
    path: ['location'],
  });
export type CardDraftInput = z.infer<typeof CardDraftInputSchema>;

/** A blank card's fields: what central assumes for every field a `card.create` leaves out. */
export const EMPTY_CARD_FIELDS: CardFields = {
  description: '',
  category: null,
  location: null,
  addressText: null,
  applicant: null,
  peopleCount: null,
  peopleFeatures: null,
  vehicles: null,
  buildings: null,
  channel: null,
  urgent: true,
  appealId: null,
  chosenDepartmentId: null,
};
