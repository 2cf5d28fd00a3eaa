import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';

/**
 * §13, §16: the supervisor's signal that a card was not taken in time — a notice in the shell whatever section is
 * open, with a way to the board (where the card's row is highlighted). The supervisor's full view is elsewhere.
 */
export function EscalationNotice() {
  const { t, i18n } = useTranslation('board');
  const escalations = useConsole((s) => s.escalations);
  const dismiss = useConsole((s) => s.dismissEscalation);
  const showView = useConsole((s) => s.showView);
  const select = useConsole((s) => s.selectBoardCard);
  if (escalations.length === 0) return null;
  return (
    <div className="escalation-notice" role="alert" data-testid="escalation-notice">
      <strong>{t('escalation.title')}</strong>
      <ul>
        {escalations.map((e) => (
          <li key={e.cardId}>
            {t('escalation.text', {
              number: e.number ?? '—',
              time: new Date(e.sentAt).toLocaleTimeString(i18n.language),
            })}{' '}
            <button
              type="button"
              className="ghost"
              onClick={() => {
                select(e.cardId);
                showView('board');
              }}
            >
              {t('escalation.open')}
            </button>
            <button type="button" className="ghost" onClick={() => dismiss(e.cardId)}>
              {t('escalation.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
