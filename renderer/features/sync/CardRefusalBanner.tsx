import { useTranslation } from 'react-i18next';
import {
  type CardRefusal,
  type RefusableCardOperation,
  UNKNOWN_REFUSAL_CODE,
} from '../../../domain/cards/cardRefusal';
import { useConsole } from '../../store';
import { type Translate, describeRefusal } from '../refusals';

/** The translation key of each refused operation (an operation's name has a dot, a key may not). */
const OPERATION_KEY: Record<RefusableCardOperation, string> = {
  'card.create': 'cardCreate',
  'card.update': 'cardUpdate',
  'card.transition': 'cardTransition',
  'recording.meta': 'recordingMeta',
  'units.dispatch': 'unitsDispatch',
  'reference.check': 'referenceCheck',
};

/** Why, in the screen's language (the `refusals` namespace); never central's English detail. */
const reason = (refusal: CardRefusal, t: Translate, language: string) =>
  describeRefusal(
    t,
    language,
    refusal.code === UNKNOWN_REFUSAL_CODE ? null : { code: refusal.code, params: refusal.params ?? {} },
  );

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
      <p>{reason(refusal, t, i18n.language)}</p>
      <p className="muted">{t(card.version === undefined ? 'refusal.kept' : 'refusal.restored')}</p>
    </div>
  );
}
