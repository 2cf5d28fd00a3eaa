import { z } from 'zod';

/**
 * The kinds of report a citizen chooses and an operator assigns to a card (seed 000):
 * ЖКО (road traffic accident), traffic rule violation, domestic violence, incidents involving children,
 * other offences and incidents, complaint about a police officer's actions.
 */
export const CARD_CATEGORIES = [
  'roadAccident',
  'trafficViolation',
  'domesticViolence',
  'childIncident',
  'otherOffence',
  'officerComplaint',
] as const;

export const CardCategorySchema = z.enum(CARD_CATEGORIES);
export type CardCategory = z.infer<typeof CardCategorySchema>;
