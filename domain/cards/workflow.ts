import { z } from 'zod';
import { storableText } from '../contract/text';
import type { CardFields, CardStatus } from './card';
import { type Refusal, type SendField, type TRANSITION_ACTIONS, refusal } from '../contract/refusal';
import type { Role } from '../session/roles';
import { CardOutcomeSchema } from './outcome';

/**
 * The card's path through the register (§9–15): the operator sends it to the senior inspector of the
 * territory, who organises the response and forwards it to the duty unit, which registers it in the
 * КІҚЖ; non-urgent texts go straight to the competent service (§12).
 */
export const TRANSITIONS = {
  sendToInspector: { from: ['draft'], to: 'sentToInspector', roles: ['operator', 'supervisor'] },
  forwardToService: { from: ['draft'], to: 'forwardedToService', roles: ['operator', 'supervisor'] },
  startResponse: { from: ['sentToInspector'], to: 'inResponse', roles: ['inspector', 'duty'] },
  forwardToDuty: { from: ['inResponse'], to: 'forwardedToDuty', roles: ['inspector'] },
  register: { from: ['forwardedToDuty'], to: 'registered', roles: ['duty'] },
  close: {
    from: ['inResponse', 'registered', 'forwardedToService'],
    to: 'closed',
    roles: ['inspector', 'duty', 'supervisor'],
  },
  // Keyed by the refusal catalogue's list of steps, so the two lists cannot drift apart.
} as const satisfies Record<
  (typeof TRANSITION_ACTIONS)[number],
  { from: readonly CardStatus[]; to: CardStatus; roles: readonly Role[] }
>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TransitionNameSchema = z.enum(Object.keys(TRANSITIONS) as [TransitionName, ...TransitionName[]]);

/** What a transition may carry: the КІҚЖ number for `register`, the outcome for `close`, a short note for any. */
export const TransitionInputSchema = z
  .object({
    transition: TransitionNameSchema,
    kuizhNumber: storableText()
      .trim()
      .regex(/^[0-9A-Za-z/-]{1,40}$/, 'КІҚЖ number is 1–40 letters, digits, dashes or slashes')
      .optional(),
    note: storableText().trim().max(1000).optional(),
    /** How the card ended, for `close` (§14–15). */
    outcome: CardOutcomeSchema.optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInputSchema>;

/** A refusal carries its code for the screens and an English `reason` for developers' logs. */
export type TransitionDecision =
  { ok: true; to: CardStatus } | { ok: false; refusal: Refusal; reason: string };

/**
 * §9 step 5: "send" only when every required field is filled; what is missing, in the form's order, so the
 * console can name it and move the focus to the first one before central is asked.
 */
export function missingForSend(
  f: Pick<CardFields, 'description' | 'category' | 'location' | 'addressText'>,
): SendField[] {
  return [
    ...(f.description.trim() === '' ? (['description'] as const) : []),
    ...(f.category === null ? (['category'] as const) : []),
    ...(f.location === null && !f.addressText ? (['place'] as const) : []),
  ];
}

/** Decides a transition; pure, so the same rule runs on central and (as a hint) on the console. */
export function decideTransition(
  card: { status: CardStatus; fields: CardFields },
  input: TransitionInput,
  role: Role,
): TransitionDecision {
  const rule = TRANSITIONS[input.transition];
  const action = input.transition;
  if (!(rule.roles as readonly Role[]).includes(role)) {
    return {
      ok: false,
      refusal: refusal('role.forbidden', { role, action }),
      reason: `role ${role} may not ${action}`,
    };
  }
  if (!(rule.from as readonly CardStatus[]).includes(card.status)) {
    return {
      ok: false,
      refusal: refusal('card.wrongStatus', { action, status: card.status }),
      reason: `cannot ${action} a card that is ${card.status}`,
    };
  }
  switch (input.transition) {
    case 'sendToInspector': {
      const missing = missingForSend(card.fields);
      if (missing.length > 0)
        return {
          ok: false,
          refusal: refusal('card.missingForSend', { fields: missing }),
          reason: `fill in before sending: ${missing.join(', ')}`,
        };
      break;
    }
    case 'forwardToService':
      if (card.fields.urgent)
        return {
          ok: false,
          refusal: refusal('card.urgentNotForService'),
          reason: 'only a non-urgent card goes to the service (§12)',
        };
      break;
    case 'register':
      if (!input.kuizhNumber)
        return {
          ok: false,
          refusal: refusal('card.kuizhNumberMissing'),
          reason: 'registration needs the КІҚЖ number (§14)',
        };
      break;
    case 'startResponse':
    case 'forwardToDuty':
    case 'close':
      break;
  }
  return { ok: true, to: rule.to };
}
