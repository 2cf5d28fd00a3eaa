import type { CardFields } from '../../domain/cards/card';

/**
 * Whether a card has content enough to enter the ЖБО card register and take its number (§9). Step 4 of
 * §9 is the operator entering what the applicant says, where, and its category: a card gets its number
 * once it has any one of these — a description, a category, or a place (a location or an address in
 * words). An empty create (Ctrl+S on a blank form) is no record of anything and takes no number; its
 * number comes with the change that gives it content.
 */
export function deservesRegisterNumber(fields: CardFields): boolean {
  return (
    fields.description !== '' || fields.category !== null || fields.location !== null || !!fields.addressText
  );
}
