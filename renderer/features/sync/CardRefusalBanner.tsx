import { useTranslation } from 'react-i18next';
import {
  type CardRefusal,
  type RefusableCardOperation,
  UNKNOWN_REFUSAL_CODE,
} from '../../../domain/cardRefusal';
import { useConsole } from '../../store';

/** The translation key of each refused operation (an operation's name has a dot, a key may not). */
const OPERATION_KEY: Record<RefusableCardOperation, string> = {
  'card.create': 'cardCreate',
  'card.update': 'cardUpdate',
  'card.transition': 'cardTransition',
  'recording.meta': 'recordingMeta',
};

/** Why, in the screen's language: a known code with its parameters, or central's own words until it has one. */
function reason(
  refusal: CardRefusal,
  t: ReturnType<typeof useTranslation>['t'],
  exists: (key: string) => boolean,
) {
  const params = { reason: '', ...refusal.params };
  const key = `refusal.codes.${refusal.code}`;
  return exists(`sync:${key}`) ? t(key, params) : t(`refusal.codes.${UNKNOWN_REFUSAL_CODE}`, params);
}

/**
 * What central refused of the open card and why, until central accepts a later change of it. A refused new
 * card keeps what the operator typed; any other refusal has central's version back on the card.
 */
export function CardRefusalBanner({ cardId }: { cardId: string | undefined }) {
  const { t, i18n } = useTranslation('sync');
  const card = useConsole((s) => (cardId ? s.cards.find((c) => c.id === cardId) : undefined));
  const refusal = card?.refusal;
  if (!refusal) return null;
  return (
    <div className="banner banner--error card-refusal" role="alert" data-testid="card-refusal">
      <p>
        <strong>{t(`refusal.operation.${OPERATION_KEY[refusal.operation]}`)}</strong>
      </p>
      <p>{reason(refusal, t, (key) => i18n.exists(key))}</p>
      <p className="muted">{t(card.version === undefined ? 'refusal.kept' : 'refusal.restored')}</p>
    </div>
  );
}
