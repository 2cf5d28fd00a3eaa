import { useTranslation } from 'react-i18next';
import type { Card } from '../../../domain/cards/card';
import {
  type AcknowledgementLimits,
  acknowledgementMsLeft,
  acknowledgementState,
} from '../../../domain/dispatch/acknowledgement';
import { usePendingStep } from '../cards/useCardActions';
import { useConsole } from '../../store';
import { IsolatedText } from '../../shell/IsolatedText';
import { clock } from './useSecond';

/** One card on the board: number, category, place, age, the §13 timer (red when late), warnings, what is queued. */
export function BoardRow({
  card,
  selected,
  now,
  limits,
}: {
  card: Card;
  selected: boolean;
  now: number;
  limits: AcknowledgementLimits;
}) {
  const { t } = useTranslation('board');
  const cardsText = useTranslation('cards').t;
  const stepText = useTranslation('cardForm').t;
  const pending = usePendingStep(card.id);
  const warnings = useConsole((s) => s.boardDetails[card.id]?.details?.warnings.length ?? 0);
  const ack = acknowledgementState(card, now, limits);
  const since = Date.parse(card.sentAt ?? card.createdAt);
  const waited = now - since;
  const left = acknowledgementMsLeft(card, now, limits);
  const age =
    waited < 60_000
      ? t('ageSeconds', { seconds: Math.max(0, Math.floor(waited / 1000)) })
      : t('age', { minutes: Math.floor(waited / 60_000) });
  return (
    <div
      className={`board-row${ack === 'late' || ack === 'escalated' ? ' board-row--late' : ''}`}
      aria-selected={selected}
      role="option"
      data-testid="board-card"
      data-ack={ack ?? 'none'}
    >
      <div className="board-row__head">
        <strong>{card.number ?? card.localNumber}</strong>
        {card.urgent !== false && <span className="badge badge--urgent">{t('urgent')}</span>}
        <span className="badge">{cardsText(`status.${card.status}`)}</span>
        <span className="muted">{age}</span>
        {ack === 'waiting' && left !== null && (
          <span className="badge" data-testid="board-ack">
            {t('ack.waiting', { time: clock(left) })}
          </span>
        )}
        {ack === 'late' && (
          <span className="badge badge--late" data-testid="board-ack">
            {t('ack.late', { time: clock(waited) })}
          </span>
        )}
        {ack === 'escalated' && (
          <span className="badge badge--late" data-testid="board-ack">
            {t('ack.escalated')}
          </span>
        )}
        {warnings > 0 && (
          <span className="badge badge--late" data-testid="board-warnings-count">
            {t('warningsCount', { count: warnings })}
          </span>
        )}
        {pending && (
          <span className="badge badge--sending" data-testid="board-queued">
            {t('queued', { step: stepText(`steps.${pending}`) })}
          </span>
        )}
      </div>
      <div className="board-row__text">
        {card.category ? cardsText(`categories.${card.category}`) : ''}
        {card.addressText ? ' · ' : ''}
        {card.addressText && <IsolatedText text={card.addressText.slice(0, 200)} />}
      </div>
    </div>
  );
}
