import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/dateTime';
import type { Card } from '../../../domain/cards/card';
import { useConsole } from '../../store';
import { CardSyncBadge } from '../sync';
import { usePendingStep } from './useCardActions';

/** The card's status, or the step on its way to central (a card sent offline is "sending", not a draft). */
function CardStatus({ cardId, status }: { cardId: string; status: Card['status'] }) {
  const { t } = useTranslation('cards');
  const pending = usePendingStep(cardId);
  return <span className="badge">{pending ? t(`cardForm:sending.${pending}`) : t(`status.${status}`)}</span>;
}

export function CardList() {
  const { t, i18n } = useTranslation('cards');
  const cards = useConsole((s) => s.cards);
  const loaded = useConsole((s) => s.cardsLoaded);
  const openCard = useConsole((s) => s.openCard);
  const selectedId = useConsole((s) => s.editor.id);
  return (
    <section className="panel card-list" aria-labelledby="card-list-title">
      <h2 id="card-list-title">{t('list')}</h2>
      {!loaded && <p className="muted">{t('common:loading')}</p>}
      {loaded && cards.length === 0 && <p className="muted">{t('empty')}</p>}
      <ul>
        {cards.map((card) => (
          <li key={card.id}>
            <button
              type="button"
              className="card-list__item"
              aria-current={card.id === selectedId ? 'true' : undefined}
              onClick={() => openCard(card)}
              data-testid="card-list-item"
            >
              <span className="card-list__head">
                <strong data-testid="card-number">
                  {t('number', { number: card.number ?? card.localNumber })}
                </strong>
                {!card.number && <span className="muted">{t('provisional')}</span>}
                <CardStatus cardId={card.id} status={card.status} />
                <CardSyncBadge cardId={card.id} />
                <span className="muted">{formatDateTime(card.updatedAt, i18n.language)}</span>
              </span>
              <span className="card-list__category">
                {card.category ? t(`categories.${card.category}`) : t('noCategory')}
              </span>
              {/* Citizen text is untrusted: React renders it as text, never as HTML. */}
              <span className="card-list__text">{card.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
