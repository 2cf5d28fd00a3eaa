import { z } from 'zod';

/**
 * How a card ended (§12–15): what the duty unit or the senior inspector records when closing it. The screens
 * translate each one (renderer/features/board/i18n.ts `outcomes`).
 */
export const CARD_OUTCOMES = [
  /** An offence confirmed and registered; the pre-trial investigation takes it from here. */
  'offenceConfirmed',
  /** An administrative offence: a protocol was drawn up on the spot. */
  'administrativeProtocol',
  /** The units came and found nothing that needed the police. */
  'notConfirmed',
  /** Settled on the spot (a warning, a conversation) with no protocol. */
  'resolvedOnSite',
  /** A false call. */
  'falseCall',
  /** Handed to another service (ambulance, fire, gas, utilities). */
  'handedToOtherService',
] as const;
export const CardOutcomeSchema = z.enum(CARD_OUTCOMES);
export type CardOutcome = z.infer<typeof CardOutcomeSchema>;
