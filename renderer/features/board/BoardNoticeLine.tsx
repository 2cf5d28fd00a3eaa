import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { describeRefusal } from '../refusals';

/** What the last board action on this card came to: checked, refused (translated), or central out of reach. */
export function BoardNoticeLine({ cardId }: { cardId: string }) {
  const { t, i18n } = useTranslation('board');
  const notice = useConsole((s) => (s.boardNotice?.cardId === cardId ? s.boardNotice : null));
  if (!notice) return null;
  const text =
    notice.kind === 'checked'
      ? notice.found > 0
        ? t('check.found', { count: notice.found })
        : t('check.clean')
      : notice.kind === 'offline'
        ? t('notice.offline')
        : t('notice.refused', {
            reason: describeRefusal(i18n.t, i18n.language, { code: notice.code, params: {} }),
          });
  return (
    <p
      className={`banner ${notice.kind === 'checked' ? (notice.found > 0 ? 'banner--warning' : '') : 'banner--error'}`}
      role="status"
      data-testid="board-notice"
    >
      {text}
    </p>
  );
}
